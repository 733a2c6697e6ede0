import { randomUUID } from 'node:crypto';
import type { Logger } from '../logging/createLogger.ts';
import type { EventBus } from './EventBus.ts';
import type { Outbox, OutboxRecord } from './Outbox.ts';

export interface OutboxRelayOptions {
  outbox: Outbox;
  bus: EventBus;
  logger: Logger;
  /**
   * How often the outbox is checked without being notified, which also paces retries after a
   * failed publish. Defaults to 1 s.
   */
  pollIntervalMs?: number;
  /** Messages claimed and published together. Defaults to 100. */
  batchSize?: number;
  /**
   * How long a claim keeps other replicas off a batch. If this relay dies mid-batch, the batch is
   * published by someone else after it expires. Must exceed the bus's publish timeout.
   * Defaults to 30 s.
   */
  leaseMs?: number;
}

/**
 * Publishes what {@link Outbox} recorded: claims the oldest pending messages with an atomic
 * lease, publishes them through `bus.publish` (confirmed), then deletes them. Anything not
 * confirmed (a crash, a broker outage) stays in the outbox and is sent again later, so a message
 * can be published twice but never lost; consumers deduplicate with the inbox.
 *
 * One relay loop runs at a time per instance: `notify()` after a commit and the poll timer only
 * ask for another pass. Several replicas may share an outbox; leases keep them from routinely
 * sending the same message.
 */
export class OutboxRelay {
  readonly #outbox: Outbox;
  readonly #bus: EventBus;
  readonly #logger: Logger;
  readonly #pollIntervalMs: number;
  readonly #batchSize: number;
  readonly #leaseMs: number;
  /** Names this relay's leases, for debugging who holds what. */
  readonly #id = randomUUID();
  #timer: NodeJS.Timeout | undefined;
  #started = false;
  #stopping = false;
  #pass: Promise<void> | undefined;
  #passRequested = false;
  /** After a failed publish, notifications wait for the poll instead of hammering the broker. */
  #pausedUntil = 0;

  constructor(options: OutboxRelayOptions) {
    this.#outbox = options.outbox;
    this.#bus = options.bus;
    this.#logger = options.logger.child({ component: 'outbox-relay' });
    this.#pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.#batchSize = options.batchSize ?? 100;
    this.#leaseMs = options.leaseMs ?? 30_000;
  }

  /** Creates the outbox indexes, publishes whatever is pending and starts polling. */
  async start(): Promise<void> {
    if (this.#started) return;
    await this.#outbox.ensureIndexes();
    this.#started = true;
    this.#stopping = false;
    this.#timer = setInterval(() => this.#requestPass(true), this.#pollIntervalMs);
    this.#timer.unref();
    this.#requestPass(true);
  }

  /** Stops polling and waits for the batch being published, if any. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#started = false;
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#pass;
  }

  /** Asks for a pass now; call it right after a transaction that recorded messages committed. */
  notify(): void {
    this.#requestPass(false);
  }

  /** Messages recorded but not yet confirmed by the bus: the backlog, for health and metrics. */
  pendingCount(): Promise<number> {
    return this.#outbox.collection.countDocuments({});
  }

  /**
   * Runs passes until the outbox is empty or a publish fails, and resolves when done. For
   * tests and for draining before shutdown; independent of `start()`.
   */
  async flush(): Promise<void> {
    while (this.#pass) await this.#pass;
    this.#pausedUntil = 0;
    this.#stopping = false;
    this.#requestPass(true);
    while (this.#pass) await this.#pass;
  }

  #requestPass(force: boolean): void {
    if (!force && (!this.#started || Date.now() < this.#pausedUntil)) return;
    if (this.#pass) {
      this.#passRequested = true;
      return;
    }
    this.#passRequested = false;
    this.#pass = this.#runPass().finally(() => {
      this.#pass = undefined;
      if (this.#passRequested && !this.#stopping) this.#requestPass(false);
    });
  }

  async #runPass(): Promise<void> {
    try {
      while (!this.#stopping) {
        const batch = await this.#claim();
        if (batch.length === 0) return;
        if (!(await this.#publish(batch))) return;
      }
    } catch (err) {
      this.#logger.error({ err }, 'outbox relay pass failed; will retry');
      this.#pausedUntil = Date.now() + this.#pollIntervalMs;
    }
  }

  /** Claims up to a batch, oldest first, one atomic findOneAndUpdate per message. */
  async #claim(): Promise<OutboxRecord[]> {
    const now = Date.now();
    const batch: OutboxRecord[] = [];
    while (batch.length < this.#batchSize) {
      const record = await this.#outbox.collection.findOneAndUpdate(
        { lockedUntil: { $lte: new Date(now) } },
        {
          $set: { lockedUntil: new Date(now + this.#leaseMs), lockedBy: this.#id },
          $inc: { attempts: 1 },
        },
        { sort: { occurredAt: 1, sequence: 1 }, returnDocument: 'after' },
      );
      if (record === null) break;
      batch.push(record);
    }
    return batch;
  }

  /** Publishes a claimed batch; true when confirmed and removed from the outbox. */
  async #publish(batch: OutboxRecord[]): Promise<boolean> {
    const ids = batch.map((record) => record._id);
    try {
      await this.#bus.publish(batch.map((record) => record.message));
    } catch (err) {
      this.#pausedUntil = Date.now() + this.#pollIntervalMs;
      this.#logger.warn(
        { err, count: batch.length, firstId: ids[0] },
        'outbox publish failed; will retry',
      );
      // Release the lease at once so the retry (here or on another replica) keeps the order.
      await this.#outbox.collection.updateMany(
        { _id: { $in: ids }, lockedBy: this.#id },
        {
          $set: {
            lockedUntil: new Date(),
            lockedBy: null,
            lastError: err instanceof Error ? err.message : String(err),
          },
        },
      );
      return false;
    }
    await this.#outbox.collection.deleteMany({ _id: { $in: ids } });
    this.#logger.debug({ count: batch.length }, 'outbox messages published');
    return true;
  }
}
