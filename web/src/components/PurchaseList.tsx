import type { PurchaseFieldsFragment, PurchaseState } from '../gql/graphql.ts';

const STATE_LABELS: Record<PurchaseState, string> = {
  ACCEPTED: 'Accepted: your items are on their way',
  ITEMS_GRANTED: 'Items delivered: taking payment',
  COMPLETED: 'Completed',
  FAULTED: 'Failed',
};

/** The purchases made on this page and where each one is, announced as it changes. */
export function PurchaseList({ purchases }: { purchases: readonly PurchaseFieldsFragment[] }) {
  if (purchases.length === 0) return null;
  return (
    <section aria-labelledby="purchases-heading" className="purchases">
      <h2 id="purchases-heading">Your purchases</h2>
      <ul role="status" aria-live="polite">
        {purchases.map((purchase) => (
          <li key={purchase.id} className={`purchase ${purchase.state.toLowerCase()}`}>
            <span>
              {purchase.quantity} × {purchase.item.name} for {purchase.total.toLocaleString('en')}{' '}
              gil:
            </span>{' '}
            <strong data-testid="purchase-state" data-state={purchase.state}>
              {STATE_LABELS[purchase.state]}
            </strong>
            {purchase.state === 'FAULTED' && purchase.failureReason && (
              <span className="reason"> — {purchase.failureReason}.</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
