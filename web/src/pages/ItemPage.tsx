import { useState } from 'react';
import { useQuery } from 'urql';
import { useSession } from '../api/StoreContext.ts';
import { BuyForm } from '../components/BuyForm.tsx';
import { PurchaseList } from '../components/PurchaseList.tsx';
import { PageFallback } from '../components/PageFallback.tsx';
import { graphql } from '../gql/index.ts';
import { InventoryUpdatesDocument } from '../live/liveOperations.ts';
import { useLiveSubscription } from '../live/useLiveSubscription.ts';
import { useRereadWhileOpen } from '../live/useRereadWhileOpen.ts';
import { usePurchases } from '../live/usePurchases.ts';
import { Link } from '../routing/Link.tsx';

const ItemDocument = graphql(`
  query Item($id: ID!) {
    item(id: $id) {
      id
      name
      description
      price
      ownedQuantity
    }
  }
`);

/** One item: what it is, what it costs, how many the player owns, and buying it. */
export function ItemPage({ id }: { id: string }) {
  const session = useSession();
  const signedIn = session.status === 'signed-in';
  const [{ data, fetching, error }, readItem] = useQuery({
    query: ItemDocument,
    variables: { id },
    requestPolicy: 'network-only',
  });
  // What the player owns changes live; `null` until an event says more than the query did.
  const [owned, setOwned] = useState<number | null>(null);
  useLiveSubscription(
    InventoryUpdatesDocument,
    {},
    ({ inventoryChanged }) => {
      if (inventoryChanged.item.id === id) setOwned(inventoryChanged.quantity);
    },
    {
      pause: !signedIn,
      onResume: () => {
        setOwned(null);
        readItem({ requestPolicy: 'network-only' });
      },
    },
  );
  // Its price and name may change while the page is open: no subscription tells of that.
  useRereadWhileOpen(() => readItem({ requestPolicy: 'network-only' }));
  const { purchases, add } = usePurchases({ signedIn });

  const item = data?.item;
  if (!item) {
    return (
      <PageFallback
        heading="Item"
        loading="Loading the item…"
        notFound="Item not found"
        answered={data !== undefined}
        fetching={fetching}
        error={error}
      >
        <p>
          This item is not in the store (any more). <Link href="/">Back to the catalog</Link>
        </p>
      </PageFallback>
    );
  }
  const ownedQuantity = owned ?? item.ownedQuantity;
  return (
    <article className="item-page">
      <p>
        <Link href="/">
          <span aria-hidden="true">← </span>Back to the catalog
        </Link>
      </p>
      <h1 tabIndex={-1}>{item.name}</h1>
      <p className="description">{item.description}</p>
      <p className="price">
        <strong>{item.price.toLocaleString('en')} gil</strong> each
      </p>
      {signedIn && (
        <p className="owned" aria-live="polite" data-testid="owned">
          {ownedQuantity === 0 ? 'You do not own any yet.' : `You own ${ownedQuantity}.`}
        </p>
      )}
      {signedIn ? (
        <BuyForm item={item} onPurchase={add} />
      ) : (
        <p>
          <Link href={`/sign-in?returnTo=${encodeURIComponent(`/items/${id}`)}`}>Sign in</Link> to
          buy this item.
        </p>
      )}
      <PurchaseList purchases={purchases} />
    </article>
  );
}
