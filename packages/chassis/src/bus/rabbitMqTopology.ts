import { backoffDelayMs } from './backoffDelayMs.ts';
import type { RetryPolicy } from './EventBus.ts';

/** One delay level of the retry path. */
export interface RetryQueue {
  /** `retry.<name>.<delayMs>ms` */
  queue: string;
  delayMs: number;
}

/** The queues that serve one subscription on RabbitMQ. */
export interface RabbitMqTopology {
  /** `<name>`: durable, bound to the subscription's topics on the exchange. */
  queue: string;
  /** `dead_letter.<name>`: where messages go after their last retry, or when unreadable. */
  deadLetterQueue: string;
  /**
   * One queue per backoff level, each with a queue-wide TTL that dead-letters back to `queue`
   * through the default exchange. Per-message TTLs in a single queue would only expire at the
   * head, so a 16 s retry would hold back a 1 s one; one queue per delay keeps every queue
   * FIFO in expiry order. The delay is part of the name so a changed policy declares new
   * queues instead of failing on mismatched arguments.
   */
  retryQueues: RetryQueue[];
}

/** Names and delays of the queues behind subscription `name` under `retry`. */
export function rabbitMqTopology(name: string, retry: RetryPolicy): RabbitMqTopology {
  const retryQueues: RetryQueue[] = [];
  for (let attempt = 0; attempt < retry.maxRetries; attempt += 1) {
    const delayMs = backoffDelayMs(retry, attempt);
    retryQueues.push({ queue: `retry.${name}.${delayMs}ms`, delayMs });
  }
  return { queue: name, deadLetterQueue: `dead_letter.${name}`, retryQueues };
}
