import type {
  Document,
  DocumentCollection,
  DocumentStore,
  StoreSession,
} from '../store/DocumentStore.ts';
import type { Message } from './EventBus.ts';
import { parseMessage } from './parseMessage.ts';
import { withTraceContext } from '../telemetry/withTraceContext.ts';

/** One message waiting in the outbox. It is deleted once the bus has confirmed it. */
export interface OutboxRecord extends Document {
  /** The message id, so the same message cannot be recorded twice. */
  _id: string;
  message: Message;
  /** Copied from the message: the relay publishes in `occurredAt`, then `sequence`, order. */
  occurredAt: string;
  /** Insertion order within one `occurredAt`: increasing across calls and restarts. */
  sequence: number;
  /** The relay lease: a record is claimable when this has passed. */
  lockedUntil: Date;
  /** The relay instance holding the lease, if any. */
  lockedBy: string | null;
  /** How many times a relay claimed it; above 1 means it may have been published before. */
  attempts: number;
  /** Why the last publish of it failed. */
  lastError: string | null;
}

export interface OutboxOptions {
  /** Defaults to `outbox`. */
  collectionName?: string;
}

/**
 * The transactional outbox: messages are written in the same transaction as the state change
 * they report, so a message exists if and only if its change committed. {@link OutboxRelay}
 * publishes them afterwards.
 */
export class Outbox {
  readonly collection: DocumentCollection<OutboxRecord>;
  #lastSequence = 0;

  constructor(store: DocumentStore, options: OutboxOptions = {}) {
    this.collection = store.collection<OutboxRecord>(options.collectionName ?? 'outbox');
  }

  /**
   * Records messages inside the caller's transaction. Invalid messages throw here, which rolls
   * the transaction back, rather than jamming the relay later.
   */
  async add(session: StoreSession, messages: readonly Message[]): Promise<void> {
    // Each message keeps the trace context it was recorded in, for the relay to publish it in.
    const checked = messages.map((message) => withTraceContext(parseMessage(message)));
    for (const message of checked) {
      await this.collection.insertOne(
        {
          _id: message.id,
          message,
          occurredAt: message.occurredAt,
          sequence: this.#nextSequence(),
          lockedUntil: new Date(0),
          lockedBy: null,
          attempts: 0,
          lastError: null,
        },
        { session },
      );
    }
  }

  /** Indexes the relay's claim query uses. Idempotent. */
  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ occurredAt: 1, sequence: 1 }, { name: 'publish_order' });
    await this.collection.createIndex({ lockedUntil: 1 }, { name: 'lease' });
  }

  // Microseconds since the epoch: keeps increasing across restarts without shared state.
  #nextSequence(): number {
    this.#lastSequence = Math.max(this.#lastSequence + 1, Date.now() * 1000);
    return this.#lastSequence;
  }
}
