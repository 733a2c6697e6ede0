import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import type { PurchaseFieldsFragment, PurchaseState } from '../gql/graphql.ts';
import { useStore } from '../api/StoreContext.ts';
import { PurchaseStatusDocument, PurchaseUpdatesDocument } from './liveOperations.ts';
import { useLiveSubscription } from './useLiveSubscription.ts';

/** How far along the saga a state is: a purchase never moves back. */
const PROGRESS: Record<PurchaseState, number> = {
  ACCEPTED: 0,
  ITEMS_GRANTED: 1,
  COMPLETED: 2,
  FAULTED: 2,
};

/** A purchase still on its way is read again this often, in case an event was missed. */
const FALLBACK_READ_MS = 3_000;

export const isSettled = (purchase: PurchaseFieldsFragment) =>
  purchase.state === 'COMPLETED' || purchase.state === 'FAULTED';

/**
 * The purchases made on this page, kept current by the `purchaseUpdated` subscription. A
 * purchase is also read once right after it is accepted, and again whenever the connection
 * reopens or (as a fallback) while it is still on its way, since the subscription only tells
 * what happens while it listens. The header's gil is read again when one completes.
 */
export function usePurchases(options: { signedIn: boolean }) {
  const client = useClient();
  const { refreshBalance } = useStore();
  const [purchases, setPurchases] = useState<readonly PurchaseFieldsFragment[]>([]);
  const known = useRef(new Map<string, PurchaseFieldsFragment>());

  const track = useCallback(
    (purchase: PurchaseFieldsFragment, { mine = false } = {}) => {
      const before = known.current.get(purchase.id);
      // Only purchases made on this page; and never back to an earlier state.
      if (!before && !mine) return;
      if (before && PROGRESS[purchase.state] <= PROGRESS[before.state]) return;
      known.current.set(purchase.id, purchase);
      setPurchases([...known.current.values()].reverse());
      if (purchase.state === 'COMPLETED') refreshBalance();
    },
    [refreshBalance],
  );

  const reread = useCallback(() => {
    for (const purchase of known.current.values()) {
      if (isSettled(purchase)) continue;
      void client
        .query(PurchaseStatusDocument, { id: purchase.id }, { requestPolicy: 'network-only' })
        .toPromise()
        .then(({ data }) => data?.purchase && track(data.purchase));
    }
  }, [client, track]);

  useLiveSubscription(PurchaseUpdatesDocument, {}, (data) => track(data.purchaseUpdated), {
    pause: !options.signedIn,
    onResume: reread,
  });

  const pending = purchases.some((purchase) => !isSettled(purchase));
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(reread, FALLBACK_READ_MS);
    return () => clearInterval(timer);
  }, [pending, reread]);

  /** Tracks a purchase the player just made, and reads it once to catch up. */
  const add = useCallback(
    (purchase: PurchaseFieldsFragment) => {
      track(purchase, { mine: true });
      reread();
    },
    [track, reread],
  );
  return { purchases, add };
}
