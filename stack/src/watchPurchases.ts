import { performance } from 'node:perf_hooks';
import { connect } from 'amqplib';

/** How a purchase ended, and when the bench heard of it (`performance.now()` time). */
export interface Settlement {
  state: 'COMPLETED' | 'FAULTED';
  atMs: number;
}

export interface PurchaseWatch {
  /** Resolves when `purchaseId` is COMPLETED or FAULTED; rejects after `timeoutMs`. */
  settled(purchaseId: string, timeoutMs: number): Promise<Settlement>;
  close(): Promise<void>;
}

/**
 * Hears of every purchase settling from trading's `trading.purchase.updated` events, on a
 * private queue bound to the exchange: the bench sees completion as soon as trading announces
 * it, without polling the router (which would add load to what is measured). For benchmarks
 * and tests.
 */
export async function watchPurchases(
  amqpUrl: string,
  exchange = 'play-economy',
): Promise<PurchaseWatch> {
  const connection = await connect(amqpUrl);
  const channel = await connection.createChannel();
  await channel.assertExchange(exchange, 'topic', { durable: true });
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  await channel.bindQueue(queue, exchange, 'trading.purchase.updated');
  const seen = new Map<string, Settlement>();
  const waiting = new Map<string, (settlement: Settlement) => void>();
  await channel.consume(
    queue,
    (delivery) => {
      if (!delivery) return;
      const atMs = performance.now();
      const { payload } = JSON.parse(delivery.content.toString('utf8')) as {
        payload?: { purchaseId?: string; state?: string };
      };
      const state = payload?.state;
      if (payload?.purchaseId === undefined || (state !== 'COMPLETED' && state !== 'FAULTED')) {
        return;
      }
      // The first announcement counts; a re-published one is the same news.
      if (seen.has(payload.purchaseId)) return;
      const settlement = { state, atMs } as const;
      seen.set(payload.purchaseId, settlement);
      waiting.get(payload.purchaseId)?.(settlement);
    },
    { noAck: true },
  );
  return {
    settled(purchaseId, timeoutMs) {
      const known = seen.get(purchaseId);
      if (known) return Promise.resolve(known);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(purchaseId);
          reject(new Error(`purchase ${purchaseId} did not settle within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(purchaseId, (settlement) => {
          clearTimeout(timer);
          waiting.delete(purchaseId);
          resolve(settlement);
        });
      });
    },
    close: () => connection.close(),
  };
}
