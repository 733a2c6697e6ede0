/**
 * The event bus port. Events are contracts: each carries an id, a dotted type
 * (`catalog.item.updated`), when it occurred, and a typed payload.
 */
import type { MessageContract } from '../messages/defineMessage.ts';

/** A message on the bus: an event (something happened) or a command (please do this). */
export interface Message<TPayload = unknown> {
  /** Unique per message; consumers deduplicate on it. */
  id: string;
  /** Dotted routing key, `<service>.<aggregate>.<event>`, e.g. `catalog.item.updated`. */
  type: string;
  /** ISO-8601 instant at which the change it reports committed. */
  occurredAt: string;
  payload: TPayload;
  /** Transport metadata (trace context, correlation ids); never business data. */
  headers?: Record<string, string>;
}

/** What a handler is told about one delivery of a message. */
export interface DeliveryInfo {
  /** 0 on the first delivery, incremented by each retry. */
  attempt: number;
  /** True when the broker says it may have delivered this message before. */
  redelivered: boolean;
}

export type MessageHandler<TPayload = unknown> = (
  message: Message<TPayload>,
  delivery: DeliveryInfo,
) => Promise<void>;

export interface RetryPolicy {
  /** Retries after the first failed attempt before the message is dead-lettered. */
  maxRetries: number;
  /** Delay before the first retry; each next one doubles it. */
  initialDelayMs: number;
}

export interface Subscription<TPayload = unknown> {
  /**
   * Durable queue name, `<service>.<subscriber>` (e.g. `trading.complete_purchase_on_gil_debited`).
   * Its twins are `retry.<name>.<delay>ms` (one queue per backoff level) and `dead_letter.<name>`.
   */
  name: string;
  /** Routing-key patterns (`catalog.item.*`); `#` matches everything. */
  topics: string[];
  handler: MessageHandler<TPayload>;
  /**
   * The contracts of the message types this subscriber reads. When given, the bus parses each
   * delivery's payload with the contract of its type before the handler sees it; a message
   * of a type no contract covers, or whose payload does not match, is dead-lettered at once
   * (reason `malformed`, with the problems named) and never reaches the handler.
   */
  contracts?: readonly MessageContract[];
  retry?: RetryPolicy;
  /** How many unacknowledged messages this subscriber may hold at once. */
  prefetch?: number;
  /**
   * `shared` (default): replicas compete for the messages of one durable queue, so each message
   * is handled once. `perInstance`: every bus instance (each replica) gets every message, in a
   * queue of its own named `<name>.<host>.<random id>` that the broker deletes once it has had no
   * consumer for `expiresAfterMs`, so instances that are gone leave nothing behind. For live
   * notifications (GraphQL subscriptions) and per-instance state (a router evicting its own
   * cache), never for work that must happen once.
   *
   * A `perInstance` subscriber's failed message is retried (and its queues get retry and
   * dead-letter twins, expiring alike) only when `retry` is given; otherwise it is logged and
   * dropped, since a late live notification is worth nothing.
   */
  delivery?: 'shared' | 'perInstance';
  /**
   * `perInstance` only: how long the broker keeps the instance's queues once nothing consumes
   * them. Long enough to ride out a reconnection without losing what was published meanwhile.
   * Default 60 s.
   */
  expiresAfterMs?: number;
}

export interface EventBus {
  /**
   * Publishes messages and resolves only once the bus has taken responsibility for them
   * (RabbitMQ: publisher confirms). Rejects if any was not confirmed.
   */
  publish(messages: readonly Message[]): Promise<void>;
  /**
   * Starts consuming. A handler that resolves acknowledges the message; one that rejects
   * has it retried with backoff and, after the last retry, dead-lettered. Resolves with the
   * name of the queue consumed (for `perInstance` delivery, the instance's own).
   */
  subscribe<TPayload>(subscription: Subscription<TPayload>): Promise<string>;
  /** True while connected to the broker (always true in process). */
  isConnected(): boolean;
  /**
   * Stops consuming for good: no delivery starts once this is called, and it resolves once the
   * handlers in flight have finished and settled their messages (bounded: after the bus's
   * in-flight timeout it resolves anyway, and what is still running is left to redelivery).
   * Publishing keeps working, so what those handlers recorded can still be sent. Idempotent.
   */
  stopConsuming(): Promise<void>;
  /** {@link stopConsuming} if not done yet, then disconnects; publishing is refused from here. */
  close(): Promise<void>;
}
