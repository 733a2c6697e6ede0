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

/**
 * `classic`: a queue on one node. `quorum`: a queue replicated over a cluster's nodes (Raft),
 * which survives the loss of a minority of them; https://www.rabbitmq.com/docs/quorum-queues
 */
export type RabbitMqQueueType = 'classic' | 'quorum';

/**
 * Deliveries of one message a quorum queue makes before it dead-letters it, when nothing else
 * does. The bus settles a failed handler itself (retry path, then `dead_letter.<name>`), so
 * only deliveries that come back unsettled count: a consumer that died or hung with the
 * message, or a shutdown that handed it back. 20 is RabbitMQ 4's own default for quorum queues.
 */
export const QUORUM_DELIVERY_LIMIT = 20;

/** How the queues of one subscription are declared. */
export type RabbitMqQueueKind =
  /** A shared subscription's queues: competing consumers, every message handled once. */
  | { kind: 'shared'; type: RabbitMqQueueType; deliveryLimit: number }
  /**
   * A `perInstance` subscription's queues, deleted by the broker once unused for
   * `expiresAfterMs` (`x-expires`).
   */
  | { kind: 'perInstance'; expiresAfterMs: number };

type QueueArguments = Record<string, string | number>;

/** The `arguments` each queue of a subscription is declared with; all of them are durable. */
export interface RabbitMqQueueArguments {
  queue: QueueArguments;
  deadLetterQueue: QueueArguments;
  retryQueue(delayMs: number): QueueArguments;
}

/**
 * Queue arguments by kind. Every queue is durable: RabbitMQ 4 refuses non-durable queues that
 * are not exclusive (the `transient_nonexcl_queues` deprecation).
 *
 * - Per-instance queues are classic, durable, with `x-expires`. Exclusive queues would be
 *   deleted with their connection, so what is published while an instance reconnects would be
 *   lost; `x-expires` instead lets the broker delete the queue of an instance that is gone for
 *   good, and an instance that reconnects sooner finds its queue with the messages that arrived
 *   meanwhile. Classic explicitly: replicating a short-lived queue of one instance buys
 *   nothing, and a vhost whose default queue type is quorum must not change that.
 * - Shared queues have no `x-queue-type` when classic, as before quorum queues existed here, so
 *   an existing deployment declares them unchanged. As quorum queues, the subscriber's queue
 *   dead-letters a message after `deliveryLimit` deliveries (`x-delivery-limit`) to
 *   `dead_letter.<name>`, and retry queues dead-letter expired messages back to the
 *   subscriber's queue; both at least once (`x-dead-letter-strategy`, which requires
 *   `x-overflow: reject-publish`), so a message leaves the source only once the target has it.
 */
export function rabbitMqQueueArguments(
  topology: RabbitMqTopology,
  kind: RabbitMqQueueKind,
): RabbitMqQueueArguments {
  if (kind.kind === 'perInstance') {
    const perInstance = { 'x-queue-type': 'classic', 'x-expires': kind.expiresAfterMs };
    return {
      queue: perInstance,
      deadLetterQueue: perInstance,
      retryQueue: (delayMs) => ({ ...perInstance, ...backToQueue(topology, delayMs) }),
    };
  }
  if (kind.type === 'classic') {
    return {
      queue: {},
      deadLetterQueue: {},
      retryQueue: (delayMs) => backToQueue(topology, delayMs),
    };
  }
  const quorum = { 'x-queue-type': 'quorum' };
  const atLeastOnce = { 'x-dead-letter-strategy': 'at-least-once', 'x-overflow': 'reject-publish' };
  return {
    queue: {
      ...quorum,
      'x-delivery-limit': kind.deliveryLimit,
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': topology.deadLetterQueue,
      ...atLeastOnce,
    },
    deadLetterQueue: quorum,
    retryQueue: (delayMs) => ({ ...quorum, ...backToQueue(topology, delayMs), ...atLeastOnce }),
  };
}

/**
 * A retry queue's TTL, after which its messages go straight back to the subscriber's queue
 * through the default exchange, not the topic exchange, so other subscribers of the same topic
 * do not see the retry.
 */
function backToQueue(topology: RabbitMqTopology, delayMs: number): QueueArguments {
  return {
    'x-message-ttl': delayMs,
    'x-dead-letter-exchange': '',
    'x-dead-letter-routing-key': topology.queue,
  };
}
