import { useState } from 'react';
import { useQuery } from 'urql';
import { useSession } from '../api/StoreContext.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { InventoryTable } from '../components/InventoryTable.tsx';
import { graphql } from '../gql/index.ts';
import { InventoryUpdatesDocument } from '../live/liveOperations.ts';
import { useLiveSubscription } from '../live/useLiveSubscription.ts';
import { Link } from '../routing/Link.tsx';

/** The most entries one page of `User.inventory` holds. */
const INVENTORY_PAGE = 100;

const MyInventoryDocument = graphql(`
  query MyInventory($first: Int!) {
    me {
      id
      inventory(first: $first) {
        quantity
        acquiredAt
        item {
          id
          name
          price
        }
      }
    }
  }
`);

interface Entry {
  item: { id: string; name: string; price: number };
  quantity: number;
}

/** What the player owns, updated live by the `inventoryChanged` subscription. */
export function InventoryPage() {
  const session = useSession();
  const signedIn = session.status === 'signed-in';
  const [{ data, fetching, error }, readInventory] = useQuery({
    query: MyInventoryDocument,
    variables: { first: INVENTORY_PAGE },
    requestPolicy: 'network-only',
    pause: !signedIn,
  });
  // Changes heard since the query answered, by item id.
  const [changes, setChanges] = useState<ReadonlyMap<string, Entry>>(new Map());
  useLiveSubscription(
    InventoryUpdatesDocument,
    {},
    ({ inventoryChanged: { item, quantity } }) =>
      setChanges((before) => new Map(before).set(item.id, { item, quantity })),
    {
      pause: !signedIn,
      onResume: () => {
        setChanges(new Map());
        readInventory({ requestPolicy: 'network-only' });
      },
    },
  );

  if (!signedIn) {
    return (
      <>
        <h1 tabIndex={-1}>Inventory</h1>
        <p>
          <Link href="/sign-in?returnTo=%2Finventory">Sign in</Link> to see what you own.
        </p>
      </>
    );
  }
  const entries = new Map<string, Entry>();
  for (const entry of data?.me?.inventory ?? []) entries.set(entry.item.id, entry);
  for (const [id, entry] of changes) entries.set(id, entry);
  const owned = [...entries.values()].filter((entry) => entry.quantity > 0);
  return (
    <>
      <h1 tabIndex={-1}>Inventory</h1>
      {error && !data && <ErrorAlert error={error} />}
      {!data && fetching && <p role="status">Loading your inventory…</p>}
      {data && owned.length === 0 && (
        <p>
          You do not own anything yet. <Link href="/">Browse the catalog</Link>
        </p>
      )}
      {owned.length > 0 && <InventoryTable caption="Items you own" entries={owned} linkToItems />}
    </>
  );
}
