/**
 * The store port: a narrow document-collection interface that is a strict subset of the
 * official `mongodb` driver's `Collection`. Repositories are written once against it, in
 * MongoDB's query and update language; the driver's `Collection` satisfies it as-is and the
 * embedded engine implements the same subset with MongoDB semantics.
 */

/** Any stored document. Every document has a string `_id` chosen by the application. */
export interface Document {
  _id: string;
  [key: string]: unknown;
}

/** A MongoDB query filter (`{ price: { $gte: 10 } }`, `{ $or: [...] }`, ...). */
export type Filter = Record<string, unknown>;

/** A MongoDB update document with operators (`{ $set: {...}, $inc: {...} }`). */
export type UpdateFilter = Record<string, unknown>;

/** `1` ascending, `-1` descending; keys are applied in insertion order. */
export type Sort = Record<string, 1 | -1>;

/** Inclusion (`{ name: 1 }`) or exclusion (`{ secret: 0 }`) projection. */
export type Projection = Record<string, 0 | 1>;

/**
 * An open transaction. Passed as `{ session }` to every operation that must commit or roll
 * back with the others. Opaque: the MongoDB engine hands out a driver `ClientSession`.
 */
export interface StoreSession {
  readonly id?: unknown;
}

export interface SessionOption {
  session?: StoreSession;
}

export interface FindOptions extends SessionOption {
  sort?: Sort;
  skip?: number;
  limit?: number;
  projection?: Projection;
}

export interface FindCursor<T> {
  toArray(): Promise<T[]>;
}

export interface UpdateOptions extends SessionOption {
  upsert?: boolean;
}

export interface FindOneAndUpdateOptions extends UpdateOptions {
  /** `'after'` returns the document as updated; `'before'` (the default) as it was. */
  returnDocument?: 'before' | 'after';
  projection?: Projection;
  sort?: Sort;
}

export interface InsertOneResult {
  acknowledged: boolean;
  insertedId: unknown;
}

export interface UpdateResult {
  acknowledged: boolean;
  matchedCount: number;
  modifiedCount: number;
  upsertedCount: number;
  upsertedId: unknown;
}

export interface DeleteResult {
  acknowledged: boolean;
  deletedCount: number;
}

export interface CreateIndexOptions {
  unique?: boolean;
  name?: string;
}

/**
 * The subset of `mongodb`'s `Collection<T>` that repositories may use. Anything outside it
 * (aggregation, change streams, bulk writes) is deliberately not part of the port.
 */
export interface DocumentCollection<T extends Document> {
  readonly collectionName: string;
  find(filter: Filter, options?: FindOptions): FindCursor<T>;
  findOne(filter: Filter, options?: FindOptions): Promise<T | null>;
  countDocuments(filter?: Filter, options?: SessionOption): Promise<number>;
  insertOne(doc: T, options?: SessionOption): Promise<InsertOneResult>;
  updateOne(filter: Filter, update: UpdateFilter, options?: UpdateOptions): Promise<UpdateResult>;
  updateMany(filter: Filter, update: UpdateFilter, options?: UpdateOptions): Promise<UpdateResult>;
  findOneAndUpdate(
    filter: Filter,
    update: UpdateFilter,
    options?: FindOneAndUpdateOptions,
  ): Promise<T | null>;
  deleteOne(filter: Filter, options?: SessionOption): Promise<DeleteResult>;
  deleteMany(filter: Filter, options?: SessionOption): Promise<DeleteResult>;
  createIndex(keys: Record<string, 1 | -1>, options?: CreateIndexOptions): Promise<string>;
}

/** One database: its collections and its transactions. */
export interface DocumentStore {
  /** Which engine serves this store, for logs and health. */
  readonly engine: 'embedded' | 'mongodb';
  collection<T extends Document>(name: string): DocumentCollection<T>;
  /**
   * Runs `work` in a transaction: every operation given `{ session }` commits together or not
   * at all. `work` may be retried on a transient conflict, so it must have no other effects.
   */
  withTransaction<R>(work: (session: StoreSession) => Promise<R>): Promise<R>;
  /** Round-trip to the engine; rejects when it is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** MongoDB's duplicate-key error code, raised by both engines on a unique index violation. */
export const DUPLICATE_KEY_ERROR_CODE = 11000;

export function isDuplicateKeyError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === DUPLICATE_KEY_ERROR_CODE
  );
}
