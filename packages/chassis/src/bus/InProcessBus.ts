import type { Logger } from '../logging/createLogger.ts';
import { backoffDelayMs } from './backoffDelayMs.ts';
import { busDefaults } from './busDefaults.ts';
import type { EventBus, Message, MessageHandler, RetryPolicy, Subscription } from './EventBus.ts';
import { parseMessage } from './parseMessage.ts';
import { parseByContract, type MessageContract } from '../messages/defineMessage.ts';
import { perInstanceQueueName } from './perInstanceQueue.ts';
import { topicMatches } from './topicMatches.ts';
import { waitForInFlight } from './waitForInFlight.ts';

export interface InProcessBusOptions {
  logger: Logger;
  /** Retry policy of subscriptions that do not set their own. Defaults to 5 retries from 1 s. */
  retry?: RetryPolicy;
  /** Concurrent deliveries per subscriber when the subscription does not say. Defaults to 16. */
  prefetch?: number;
  /** How long `stopConsuming()` waits for handlers in flight. Defaults to 5 s. */
  inFlightTimeoutMs?: number;
}

/** A message that exhausted its retries, kept in memory for inspection and replay. */
export interface InProcessDeadLetter {
  /** The subscription (logical queue) that gave up on it. */
  queue: string;
  message: Message;
  /** How many times it was delivered in all. */
  attempts: number;
  /** The last handler error's message, or why the message was refused. */
  error: string;
  /** `malformed`: refused before any handler saw it; `retries-exhausted`: its handler kept failing. */
  reason: 'malformed' | 'retries-exhausted';
  deadLetteredAt: string;
}

interface Delivery {
  message: Message;
  attempt: number;
}

interface Consumer {
  handler: MessageHandler;
  /** When set, every payload is parsed with its type's contract before the handler sees it. */
  contracts: readonly MessageContract[] | undefined;
  retry: RetryPolicy;
  prefetch: number;
  active: number;
}

/** What a RabbitMQ queue is to the broker adapter: bindings, ready messages, competing consumers. */
interface LogicalQueue {
  name: string;
  patterns: Set<string>;
  ready: Delivery[];
  consumers: Consumer[];
  /** Round-robin cursor over `consumers`. */
  next: number;
  dispatchScheduled: boolean;
}

/**
 * The {@link EventBus} in one process, for the embedded mode. It mirrors the RabbitMQ adapter:
 * topic bindings with `*`/`#`, one queue per subscription name shared by competing consumers,
 * messages copied through JSON (handlers see what the wire would carry), delivery always
 * asynchronous, retries with exponential backoff and a dead-letter list. Nothing survives the
 * process: that is what the real mode is for.
 */
export class InProcessBus implements EventBus {
  readonly #logger: Logger;
  readonly #defaultRetry: RetryPolicy;
  readonly #defaultPrefetch: number;
  readonly #inFlightTimeoutMs: number;
  readonly #queues = new Map<string, LogicalQueue>();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #retryTimers = new Set<NodeJS.Timeout>();
  readonly #deadLetters: InProcessDeadLetter[] = [];
  #closed = false;
  #stoppedConsuming?: Promise<void>;

  constructor(options: InProcessBusOptions) {
    this.#logger = options.logger.child({ component: 'bus', engine: 'in-process' });
    this.#defaultRetry = options.retry ?? busDefaults.retry;
    this.#defaultPrefetch = options.prefetch ?? busDefaults.prefetch;
    this.#inFlightTimeoutMs = options.inFlightTimeoutMs ?? busDefaults.inFlightTimeoutMs;
  }

  /**
   * Resolves once every message is queued for every matching subscription. Rejects once
   * consuming has stopped: nothing could deliver the messages any more, and confirming them
   * would let an outbox forget what no one will ever receive.
   */
  async publish(messages: readonly Message[]): Promise<void> {
    if (this.#closed) throw new Error('InProcessBus is closed');
    if (this.#stoppedConsuming) throw new Error('InProcessBus has stopped consuming');
    // Validate and encode the whole batch before queueing any of it, as a broker publish of
    // unencodable content would fail before anything is sent.
    const batch = messages.map((message) => {
      const checked = parseMessage(message);
      return { routingKey: checked.type, json: JSON.stringify(checked) };
    });
    for (const { routingKey, json } of batch) {
      for (const queue of this.#queues.values()) {
        if (![...queue.patterns].some((pattern) => topicMatches(pattern, routingKey))) continue;
        // A copy per queue, decoded as a consumer would decode it off the wire.
        queue.ready.push({ message: parseMessage(JSON.parse(json)), attempt: 0 });
        this.#scheduleDispatch(queue);
      }
    }
  }

  async subscribe<TPayload>(subscription: Subscription<TPayload>): Promise<string> {
    if (this.#closed) throw new Error('InProcessBus is closed');
    if (this.#stoppedConsuming) throw new Error('InProcessBus has stopped consuming');
    // In one process each `perInstance` subscriber stands for a replica: a queue of its own.
    const perInstance = subscription.delivery === 'perInstance';
    const name = perInstance ? perInstanceQueueName(subscription.name) : subscription.name;
    let queue = this.#queues.get(name);
    if (!queue) {
      queue = {
        name,
        patterns: new Set(),
        ready: [],
        consumers: [],
        next: 0,
        dispatchScheduled: false,
      };
      this.#queues.set(name, queue);
    }
    // Bindings accumulate per queue, as they do on the broker.
    for (const topic of subscription.topics) queue.patterns.add(topic);
    queue.consumers.push({
      // A live notification is not worth a retry unless its subscriber asks for one.
      handler:
        perInstance && subscription.retry === undefined
          ? this.#withoutRetry(name, subscription.handler as MessageHandler)
          : (subscription.handler as MessageHandler),
      contracts: subscription.contracts,
      retry: subscription.retry ?? this.#defaultRetry,
      prefetch: subscription.prefetch ?? this.#defaultPrefetch,
      active: 0,
    });
    this.#logger.debug({ queue: name, topics: subscription.topics }, 'subscribed');
    this.#scheduleDispatch(queue);
    return name;
  }

  isConnected(): boolean {
    return !this.#closed;
  }

  /**
   * Stops delivering to every subscriber and waits (bounded) for running handlers. From then
   * on `publish` is refused, so an outbox keeps what it could not hand over for the next start;
   * retries already scheduled are dropped at `close()`.
   */
  stopConsuming(): Promise<void> {
    this.#stoppedConsuming ??= (async () => {
      if (!(await waitForInFlight(this.#inFlight, this.#inFlightTimeoutMs))) {
        this.#logger.warn(
          { running: this.#inFlight.size, timeoutMs: this.#inFlightTimeoutMs },
          'handlers still running after consuming stopped; not waiting for them',
        );
      }
    })();
    return this.#stoppedConsuming;
  }

  /**
   * Stops consuming (see {@link stopConsuming}), then cancels pending retries. Messages not yet
   * handled are dropped: the in-process bus keeps nothing across a shutdown.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.stopConsuming();
    for (const timer of this.#retryTimers) clearTimeout(timer);
    const dropped =
      this.#retryTimers.size + [...this.#queues.values()].reduce((n, q) => n + q.ready.length, 0);
    this.#retryTimers.clear();
    if (dropped > 0) this.#logger.warn({ dropped }, 'closing with undelivered messages');
  }

  /** Dead letters, oldest first; all of them or those of one subscription. */
  deadLetters(queue?: string): readonly InProcessDeadLetter[] {
    return queue === undefined
      ? [...this.#deadLetters]
      : this.#deadLetters.filter((deadLetter) => deadLetter.queue === queue);
  }

  /** Moves one subscription's dead letters back to its queue with a fresh attempt count. */
  replayDeadLetters(queueName: string): number {
    const queue = this.#queues.get(queueName);
    if (!queue) return 0;
    let replayed = 0;
    for (let i = 0; i < this.#deadLetters.length;) {
      const deadLetter = this.#deadLetters[i];
      if (deadLetter?.queue !== queueName) {
        i += 1;
        continue;
      }
      this.#deadLetters.splice(i, 1);
      queue.ready.push({ message: deadLetter.message, attempt: 0 });
      replayed += 1;
    }
    this.#scheduleDispatch(queue);
    return replayed;
  }

  /** A `perInstance` handler without retry: its failure is logged and the message dropped. */
  #withoutRetry(queue: string, handler: MessageHandler): MessageHandler {
    return async (message, delivery) => {
      try {
        await handler(message, delivery);
      } catch (error) {
        this.#logger.warn(
          { queue, messageId: message.id, type: message.type, err: error },
          'per-instance handler failed; message dropped',
        );
      }
    };
  }

  // Dispatching on a later macrotask keeps handlers out of publish()'s call stack.
  #scheduleDispatch(queue: LogicalQueue): void {
    if (queue.dispatchScheduled || this.#stoppedConsuming) return;
    queue.dispatchScheduled = true;
    setImmediate(() => {
      queue.dispatchScheduled = false;
      this.#dispatch(queue);
    });
  }

  #dispatch(queue: LogicalQueue): void {
    while (!this.#stoppedConsuming && queue.ready.length > 0) {
      const consumer = this.#nextConsumerWithRoom(queue);
      if (!consumer) return;
      const delivery = queue.ready.shift();
      if (delivery) this.#deliver(queue, consumer, delivery);
    }
  }

  #nextConsumerWithRoom(queue: LogicalQueue): Consumer | undefined {
    for (let i = 0; i < queue.consumers.length; i += 1) {
      const index = (queue.next + i) % queue.consumers.length;
      const consumer = queue.consumers[index];
      if (consumer && consumer.active < consumer.prefetch) {
        queue.next = index + 1;
        return consumer;
      }
    }
    return undefined;
  }

  #deliver(queue: LogicalQueue, consumer: Consumer, delivery: Delivery): void {
    consumer.active += 1;
    const run = this.#invoke(queue, consumer, delivery).finally(() => {
      consumer.active -= 1;
      this.#inFlight.delete(run);
      this.#scheduleDispatch(queue);
    });
    this.#inFlight.add(run);
  }

  async #invoke(queue: LogicalQueue, consumer: Consumer, delivery: Delivery): Promise<void> {
    let message: Message;
    try {
      message = consumer.contracts
        ? parseByContract(consumer.contracts, delivery.message)
        : delivery.message;
    } catch (error) {
      this.#deadLetter(queue, delivery, error, 'malformed');
      return;
    }
    try {
      await consumer.handler(message, { attempt: delivery.attempt, redelivered: false });
    } catch (error) {
      this.#handleFailure(queue, consumer.retry, delivery, error);
    }
  }

  #handleFailure(
    queue: LogicalQueue,
    retry: RetryPolicy,
    delivery: Delivery,
    error: unknown,
  ): void {
    const { message, attempt } = delivery;
    const log = {
      queue: queue.name,
      messageId: message.id,
      type: message.type,
      attempt,
      err: error,
    };
    if (attempt < retry.maxRetries) {
      const delayMs = backoffDelayMs(retry, attempt);
      if (this.#closed) {
        this.#logger.warn(log, 'handler failed while closing; message dropped');
        return;
      }
      this.#logger.warn({ ...log, delayMs }, 'handler failed; retrying');
      const timer = setTimeout(() => {
        this.#retryTimers.delete(timer);
        queue.ready.push({ message, attempt: attempt + 1 });
        this.#scheduleDispatch(queue);
      }, delayMs);
      this.#retryTimers.add(timer);
      return;
    }
    this.#deadLetter(queue, delivery, error, 'retries-exhausted');
  }

  #deadLetter(
    queue: LogicalQueue,
    { message, attempt }: Delivery,
    error: unknown,
    reason: InProcessDeadLetter['reason'],
  ): void {
    this.#deadLetters.push({
      queue: queue.name,
      message,
      attempts: attempt + 1,
      error: error instanceof Error ? error.message : String(error),
      reason,
      deadLetteredAt: new Date().toISOString(),
    });
    this.#logger.error(
      { queue: queue.name, messageId: message.id, type: message.type, attempt, reason, err: error },
      reason === 'malformed'
        ? 'message refused by its contract; dead-lettered'
        : 'handler failed after last retry; dead-lettered',
    );
  }
}
