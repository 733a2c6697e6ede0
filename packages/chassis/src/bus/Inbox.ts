import {
  isDuplicateKeyError,
  type Document,
  type DocumentCollection,
  type DocumentStore,
  type StoreSession,
} from '../store/DocumentStore.ts';
import type { Message } from './EventBus.ts';

/** Proof that one subscriber handled one message. */
export interface InboxRecord extends Document {
  /** `<subscriberName>:<messageId>` */
  _id: string;
  subscriber: string;
  messageId: string;
  type: string;
  handledAt: Date;
}

export interface InboxOptions {
  /** Defaults to `inbox`. */
  collectionName?: string;
}

/** Thrown inside the transaction to abort it when the inbox already holds the message. */
class AlreadyHandled extends Error {
  constructor(key: string) {
    super(`${key} was already handled`);
  }
}

/**
 * Idempotent consumers. Brokers deliver at least once and the outbox may publish twice, so a
 * subscriber records each message id it handled in the same transaction as the handling's
 * effects; a second delivery finds the record and changes nothing.
 */
export class Inbox {
  readonly collection: DocumentCollection<InboxRecord>;
  readonly #store: DocumentStore;

  constructor(store: DocumentStore, options: InboxOptions = {}) {
    this.#store = store;
    this.collection = store.collection<InboxRecord>(options.collectionName ?? 'inbox');
  }

  /**
   * Runs `work` and records `<subscriberName>:<message.id>` in one transaction. Resolves `true`
   * when it ran, `false` when the message had been handled already (nothing is changed). Errors
   * from `work` roll everything back and propagate, so the bus retries the delivery.
   */
  async handleOnce(
    subscriberName: string,
    message: Message,
    work: (session: StoreSession) => Promise<void>,
  ): Promise<boolean> {
    try {
      await this.#store.withTransaction(async (session) => {
        // Record first: a duplicate then aborts before `work` does anything.
        await this.#record(session, subscriberName, message);
        await work(session);
      });
      return true;
    } catch (error) {
      if (error instanceof AlreadyHandled) return false;
      throw error;
    }
  }

  /** Whether `subscriberName` already handled the message with id `messageId`. */
  async wasHandled(subscriberName: string, messageId: string): Promise<boolean> {
    return (await this.collection.findOne({ _id: inboxKey(subscriberName, messageId) })) !== null;
  }

  async #record(session: StoreSession, subscriber: string, message: Message): Promise<void> {
    const key = inboxKey(subscriber, message.id);
    try {
      await this.collection.insertOne(
        { _id: key, subscriber, messageId: message.id, type: message.type, handledAt: new Date() },
        { session },
      );
    } catch (error) {
      // Only the inbox's own duplicate means "handled"; one raised by `work` is a real failure.
      if (isDuplicateKeyError(error)) throw new AlreadyHandled(key);
      throw error;
    }
  }
}

function inboxKey(subscriber: string, messageId: string): string {
  return `${subscriber}:${messageId}`;
}
