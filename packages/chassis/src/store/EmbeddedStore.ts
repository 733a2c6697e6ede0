import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Document, DocumentCollection, DocumentStore, StoreSession } from './DocumentStore.ts';
import { AsyncMutex } from './embedded/AsyncMutex.ts';
import { CollectionState, encodeKey } from './embedded/CollectionState.ts';
import { EmbeddedCollection } from './embedded/EmbeddedCollection.ts';
import type { CollectionHost } from './embedded/EmbeddedCollection.ts';
import { Journal } from './embedded/Journal.ts';
import { WriteUnit } from './embedded/WriteUnit.ts';
import type { JournalEntry } from './embedded/WriteUnit.ts';

export interface EmbeddedStoreOptions {
  /** The database name: names the journal file and appears in duplicate-key messages. */
  database: string;
  /**
   * Directory for the journal. When set, every committed write (one operation or one whole
   * transaction) is appended to `<dataDir>/<database>.journal` and fsynced before the call
   * resolves, and opening the store replays it. When unset, data lives in memory only.
   *
   * The journal is never compacted (start-up replays the full history) and must be owned by
   * one open store at a time. Values survive as JSON plus `Date`.
   */
  dataDir?: string | undefined;
}

class EmbeddedSession implements StoreSession {
  readonly id = randomUUID();
  readonly unit = new WriteUnit();
  active = true;
  /** The first operation that failed inside the transaction; like MongoDB, it dooms the transaction. */
  failure: { error: unknown } | undefined;

  constructor(readonly store: EmbeddedStore) {}
}

/**
 * The embedded document engine: an in-process implementation of the store port with MongoDB
 * semantics, for running with Node alone.
 *
 * Isolation is serializable by construction: one lock admits one operation or one whole
 * transaction at a time. Operations given the open transaction's `{ session }` run inside it;
 * any other operation waits until the transaction has committed or rolled back, so it never
 * sees uncommitted writes.
 */
export class EmbeddedStore implements DocumentStore {
  readonly engine = 'embedded';
  readonly database: string;
  readonly #collections = new Map<string, CollectionState>();
  readonly #handles = new Map<string, EmbeddedCollection<Document>>();
  readonly #lock = new AsyncMutex();
  readonly #transactionScope = new AsyncLocalStorage<EmbeddedSession>();
  readonly #journal: Journal | undefined;
  #closed = false;

  readonly #host: CollectionHost = {
    execute: (collection, session, operation) =>
      this.#execute(session, (unit) => operation(this.#state(collection), unit)),
  };

  constructor(options: EmbeddedStoreOptions) {
    this.database = options.database;
    if (options.dataDir !== undefined) {
      this.#journal = Journal.open(
        join(options.dataDir, `${options.database}.journal`),
        (entries) => this.#replay(entries),
      );
    }
  }

  collection<T extends Document>(name: string): DocumentCollection<T> {
    let handle = this.#handles.get(name);
    if (handle === undefined) {
      handle = new EmbeddedCollection<Document>(name, this.#host);
      this.#handles.set(name, handle);
    }
    // Like the driver's `db.collection<T>()`, the schema type is the caller's declaration.
    return handle as unknown as DocumentCollection<T>;
  }

  async withTransaction<R>(work: (session: StoreSession) => Promise<R>): Promise<R> {
    this.#assertUsable();
    return this.#lock.run(async () => {
      this.#assertOpen();
      const session = new EmbeddedSession(this);
      try {
        const result = await this.#transactionScope.run(session, () => work(session));
        if (session.failure !== undefined) throw session.failure.error;
        await this.#commit(session.unit);
        return result;
      } catch (error) {
        session.unit.rollback();
        throw error;
      } finally {
        session.active = false;
      }
    });
  }

  async ping(): Promise<void> {
    this.#assertOpen();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#assertUsable();
    await this.#lock.run(async () => {
      this.#closed = true;
      await this.#journal?.close();
    });
  }

  async #execute<R>(
    session: StoreSession | undefined,
    operation: (unit: WriteUnit) => R,
  ): Promise<R> {
    if (session !== undefined) return this.#executeInTransaction(session, operation);
    this.#assertUsable();
    return this.#lock.run(async () => {
      this.#assertOpen();
      const unit = new WriteUnit();
      let outcome: { result: R } | { error: unknown };
      try {
        outcome = { result: operation(unit) };
      } catch (error) {
        // As in MongoDB, writes made before a failure (say, mid-updateMany) stay committed.
        outcome = { error };
      }
      try {
        await this.#commit(unit);
      } catch (error) {
        unit.rollback();
        throw error;
      }
      if ('error' in outcome) throw outcome.error;
      return outcome.result;
    });
  }

  #executeInTransaction<R>(session: StoreSession, operation: (unit: WriteUnit) => R): R {
    this.#assertOpen();
    if (!(session instanceof EmbeddedSession) || session.store !== this) {
      throw new Error('The session belongs to another store');
    }
    if (!session.active) throw new Error('Cannot use a session that has ended');
    if (session.failure !== undefined) {
      throw new Error('The transaction was aborted by an earlier failed operation', {
        cause: session.failure.error,
      });
    }
    try {
      return operation(session.unit);
    } catch (error) {
      session.failure = { error };
      throw error;
    }
  }

  async #commit(unit: WriteUnit): Promise<void> {
    if (this.#journal === undefined || unit.isEmpty) return;
    await this.#journal.append(unit.journalEntries());
  }

  #replay(entries: JournalEntry[]): void {
    for (const entry of entries) {
      const state = this.#state(entry.collection);
      if (entry.op === 'put') state.restore(encodeKey(entry.document._id), entry.document);
      else if (entry.op === 'delete') state.restore(encodeKey(entry.id), undefined);
      else state.createIndex(entry.index);
    }
  }

  #state(name: string): CollectionState {
    let state = this.#collections.get(name);
    if (state === undefined) {
      state = new CollectionState(name, `${this.database}.${name}`);
      this.#collections.set(name, state);
    }
    return state;
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error(`The embedded store ${this.database} is closed`);
  }

  /** Open, and not called from inside a transaction's own work, where waiting would deadlock. */
  #assertUsable(): void {
    this.#assertOpen();
    if (this.#transactionScope.getStore()?.active === true) {
      throw new Error(
        'Called inside withTransaction without { session }: pass the session, or the call would wait for its own transaction',
      );
    }
  }
}
