import type { ServiceRuntime } from '@play-economy/chassis';
import { PurchaseState } from '../domain/Purchase.ts';
import { PurchaseUpdated } from '../domain/TradingMessages.ts';

/**
 * Purchase counters for `/metrics`: `purchases_started_total`, `purchases_completed_total`,
 * `purchases_faulted_total`. Counted from the `trading.purchase.updated` events the broker
 * confirmed, which through the outbox exist if and only if the transition committed.
 */
export function countPurchases(runtime: Pick<ServiceRuntime, 'metrics' | 'onPublished'>): void {
  const { metrics } = runtime;
  const counters = {
    [PurchaseState.Accepted]: metrics.counter('purchases_started_total', 'Purchases accepted'),
    [PurchaseState.Completed]: metrics.counter(
      'purchases_completed_total',
      'Purchases completed: items granted and gil debited',
    ),
    [PurchaseState.Faulted]: metrics.counter(
      'purchases_faulted_total',
      'Purchases faulted: nothing granted or debited in the end',
    ),
  } as Partial<Record<string, { inc(): void }>>;
  runtime.onPublished((message) => {
    if (message.type !== PurchaseUpdated.type) return;
    // Our own confirmed message: parsed by its contract all the same, as any reader would.
    const update = PurchaseUpdated.payload.safeParse(message.payload);
    if (update.success) counters[update.data.state]?.inc();
  });
}
