import { expect, vi } from 'vitest';
import type { BrokerWatch, SignedInClient } from '@play-economy/local-stack';

/** What the broker watch must see for {@link untilSagaQuiet}. */
export const SAGA_TOPICS = ['trading.purchase.*', 'inventory.items.*', 'identity.gil.*'];

/** Each command, and the replies that answer it. */
const ANSWERS: Readonly<Record<string, readonly string[]>> = {
  'trading.purchase.grant_items': ['inventory.items.granted', 'inventory.items.grant_failed'],
  'trading.purchase.debit_gil': ['identity.gil.debited', 'identity.gil.debit_failed'],
  'trading.purchase.subtract_items': ['inventory.items.subtracted'],
  'trading.purchase.refund_gil': ['identity.gil.refunded'],
};

/**
 * Waits (bounded) until the sagas of `buyers` are quiet, as seen on the broker and through the
 * router: every command sent has been answered, every grant confirmed for a FAULTED purchase
 * has been taken back and every debit confirmed for one has been refunded. Purchases reading
 * settled is not enough after a fault: a ledger is consistent both before a late reply and
 * after its correction, so checking the invariants in between proves nothing.
 */
export async function untilSagaQuiet(
  broker: BrokerWatch,
  buyers: readonly SignedInClient[],
  timeoutMs = 30_000,
): Promise<void> {
  const ids = new Set(buyers.map(({ userId }) => userId));
  const purchasesWith = (type: string) =>
    new Set(
      broker.messages
        .filter((m) => m.type === type && ids.has(String(m.payload['userId'])))
        .map((m) => String(m.payload['purchaseId'])),
    );
  await vi.waitFor(
    async () => {
      for (const [command, replies] of Object.entries(ANSWERS)) {
        const answered = new Set(replies.flatMap((reply) => [...purchasesWith(reply)]));
        const waiting = [...purchasesWith(command)].filter((id) => !answered.has(id));
        expect(waiting, `${command} unanswered`).toEqual([]);
      }
      const faulted = new Set<string>();
      for (const buyer of buyers) {
        const { data } = await buyer.request<{
          me: { purchases: { id: string; state: string }[] };
        }>('{ me { purchases(first: 100) { id state } } }');
        for (const { id, state } of data?.me.purchases ?? []) {
          if (state === 'FAULTED') faulted.add(id);
        }
      }
      const late = (reply: string) => [...purchasesWith(reply)].filter((id) => faulted.has(id));
      const subtracted = purchasesWith('trading.purchase.subtract_items');
      expect(late('inventory.items.granted').filter((id) => !subtracted.has(id))).toEqual([]);
      const refunded = purchasesWith('trading.purchase.refund_gil');
      expect(late('identity.gil.debited').filter((id) => !refunded.has(id))).toEqual([]);
    },
    { timeout: timeoutMs, interval: 500 },
  );
}
