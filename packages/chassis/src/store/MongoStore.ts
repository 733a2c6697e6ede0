import { MongoClient, WriteConcern } from 'mongodb';
import type { Db, MongoClientOptions, TransactionOptions } from 'mongodb';
import type { Document, DocumentCollection, DocumentStore, StoreSession } from './DocumentStore.ts';

/**
 * Transactions read one snapshot and commit to a majority, so a committed transaction survives
 * a primary failover and concurrent read-modify-write transactions conflict instead of losing
 * updates (the driver retries the loser).
 */
const TRANSACTION_OPTIONS: TransactionOptions = {
  readConcern: { level: 'snapshot' },
  writeConcern: new WriteConcern('majority'),
  readPreference: 'primary',
};

/**
 * The store port on the official `mongodb` driver. `collection()` hands out the driver's own
 * `Collection`, which satisfies `DocumentCollection` as-is. Transactions need a replica set
 * (a single-node one is enough).
 *
 * No MongoDB server can be installed on the build machines, so this adapter is exercised by the
 * store contract suite only where `MONGODB_URL` is set (the CI workflow starts one).
 */
export class MongoStore implements DocumentStore {
  readonly engine = 'mongodb';
  readonly client: MongoClient;
  readonly db: Db;

  private constructor(client: MongoClient, db: Db) {
    this.client = client;
    this.db = db;
  }

  /** Connects to `url` and serves the database `dbName`; rejects when the server is unreachable. */
  static async connect(
    url: string,
    dbName: string,
    options?: MongoClientOptions,
  ): Promise<MongoStore> {
    const client = new MongoClient(url, options);
    await client.connect();
    return new MongoStore(client, client.db(dbName));
  }

  collection<T extends Document>(name: string): DocumentCollection<T> {
    // The assignment is the type check that the driver's Collection fits the port; narrowing
    // to T is the same unchecked schema declaration the driver's `db.collection<T>()` makes.
    const collection: DocumentCollection<Document> = this.db.collection<Document>(name);
    return collection as DocumentCollection<T>;
  }

  withTransaction<R>(work: (session: StoreSession) => Promise<R>): Promise<R> {
    return this.client.withSession((session) =>
      session.withTransaction(() => work(session), TRANSACTION_OPTIONS),
    );
  }

  async ping(): Promise<void> {
    await this.db.command({ ping: 1 });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
