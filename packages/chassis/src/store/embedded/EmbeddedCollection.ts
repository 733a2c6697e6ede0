import { randomBytes } from 'node:crypto';
import { Query } from 'mingo';
import type { AnyObject } from 'mingo/types';
import { update as applyOperators } from 'mingo/updater';
import type { Modifier } from 'mingo/updater';
import type {
  CreateIndexOptions,
  DeleteResult,
  Document,
  DocumentCollection,
  Filter,
  FindCursor,
  FindOneAndUpdateOptions,
  FindOptions,
  InsertOneResult,
  Projection,
  SessionOption,
  Sort,
  StoreSession,
  UpdateFilter,
  UpdateOptions,
  UpdateResult,
} from '../DocumentStore.ts';
import { defaultIndexName, encodeKey } from './CollectionState.ts';
import type { CollectionState } from './CollectionState.ts';
import type { WriteUnit } from './WriteUnit.ts';
import { upsertSeed } from './upsertSeed.ts';

/** What a collection needs from its store: a way to run an operation with the right isolation. */
export interface CollectionHost {
  /**
   * Runs `operation` on the named collection: inside the transaction of `session`, or, without
   * one, alone under the store's lock as its own committed write.
   */
  execute<R>(
    collection: string,
    session: StoreSession | undefined,
    operation: (state: CollectionState, unit: WriteUnit) => R,
  ): Promise<R>;
}

interface ParsedUpdate {
  operators: Modifier<AnyObject>;
  setOnInsert: AnyObject | undefined;
}

interface UpdateOutcome {
  matchedCount: number;
  modifiedCount: number;
  upsertedId: unknown;
  before: Document | undefined;
  after: Document | undefined;
}

/**
 * One collection of the embedded engine. Filters, projections, sorts and update operators are
 * evaluated by `mingo`; documents are copied on the way in and out, so no caller ever holds a
 * reference into stored state.
 */
export class EmbeddedCollection<T extends Document> implements DocumentCollection<T> {
  readonly collectionName: string;
  readonly #host: CollectionHost;

  constructor(collectionName: string, host: CollectionHost) {
    this.collectionName = collectionName;
    this.#host = host;
  }

  find(filter: Filter, options: FindOptions = {}): FindCursor<T> {
    return {
      toArray: () =>
        this.#host.execute(this.collectionName, options.session, (state) => {
          let cursor = new Query(filter, {}).find<Document>(candidates(state, filter));
          if (options.sort !== undefined) cursor = cursor.sort(options.sort);
          if (options.skip !== undefined && options.skip > 0) cursor = cursor.skip(options.skip);
          if (options.limit !== undefined && options.limit !== 0)
            cursor = cursor.limit(Math.abs(options.limit));
          return cursor.all().map((document) => copyOut<T>(document, options.projection));
        }),
    };
  }

  async findOne(filter: Filter, options: FindOptions = {}): Promise<T | null> {
    const [first] = await this.find(filter, { ...options, limit: 1 }).toArray();
    return first ?? null;
  }

  countDocuments(filter: Filter = {}, options: SessionOption = {}): Promise<number> {
    return this.#host.execute(this.collectionName, options.session, (state) => {
      const query = new Query(filter, {});
      return candidates(state, filter).filter((document) => query.test(document)).length;
    });
  }

  async insertOne(doc: T, options: SessionOption = {}): Promise<InsertOneResult> {
    if (!isObject(doc)) throw new TypeError('insertOne expects a document object');
    if (doc._id === undefined) {
      // As the driver does, assign the generated `_id` to the caller's document too.
      (doc as { _id: unknown })._id = generateId();
    }
    const stored = structuredClone(doc) as Document;
    return this.#host.execute(this.collectionName, options.session, (state, unit) => {
      unit.put(state, stored, 'insert');
      return { acknowledged: true, insertedId: stored._id };
    });
  }

  async updateOne(
    filter: Filter,
    update: UpdateFilter,
    options: UpdateOptions = {},
  ): Promise<UpdateResult> {
    const parsed = parseUpdate(update);
    return this.#host.execute(this.collectionName, options.session, (state, unit) =>
      toUpdateResult(
        applyUpdate(state, unit, filter, parsed, { multi: false, upsert: options.upsert === true }),
      ),
    );
  }

  async updateMany(
    filter: Filter,
    update: UpdateFilter,
    options: UpdateOptions = {},
  ): Promise<UpdateResult> {
    const parsed = parseUpdate(update);
    return this.#host.execute(this.collectionName, options.session, (state, unit) =>
      toUpdateResult(
        applyUpdate(state, unit, filter, parsed, { multi: true, upsert: options.upsert === true }),
      ),
    );
  }

  async findOneAndUpdate(
    filter: Filter,
    update: UpdateFilter,
    options: FindOneAndUpdateOptions = {},
  ): Promise<T | null> {
    const parsed = parseUpdate(update);
    return this.#host.execute(this.collectionName, options.session, (state, unit) => {
      const outcome = applyUpdate(state, unit, filter, parsed, {
        multi: false,
        upsert: options.upsert === true,
        sort: options.sort,
      });
      const chosen = options.returnDocument === 'after' ? outcome.after : outcome.before;
      return chosen === undefined ? null : copyOut<T>(chosen, options.projection);
    });
  }

  deleteOne(filter: Filter, options: SessionOption = {}): Promise<DeleteResult> {
    return this.#delete(filter, options, false);
  }

  deleteMany(filter: Filter, options: SessionOption = {}): Promise<DeleteResult> {
    return this.#delete(filter, options, true);
  }

  async createIndex(
    keys: Record<string, 1 | -1>,
    options: CreateIndexOptions = {},
  ): Promise<string> {
    const fields = Object.entries(keys);
    if (
      fields.length === 0 ||
      fields.some(([, direction]) => direction !== 1 && direction !== -1)
    ) {
      throw new TypeError('createIndex expects keys like { field: 1 } or { field: -1 }');
    }
    const index = {
      name: options.name ?? defaultIndexName(keys),
      keys: { ...keys },
      unique: options.unique === true,
    };
    return this.#host.execute(this.collectionName, undefined, (state, unit) =>
      unit.createIndex(state, index),
    );
  }

  #delete(filter: Filter, options: SessionOption, multi: boolean): Promise<DeleteResult> {
    return this.#host.execute(this.collectionName, options.session, (state, unit) => {
      const query = new Query(filter, {});
      const matched = candidates(state, filter).filter((document) => query.test(document));
      const targets = multi ? matched : matched.slice(0, 1);
      for (const document of targets) unit.remove(state, encodeKey(document._id));
      return { acknowledged: true, deletedCount: targets.length };
    });
  }
}

function applyUpdate(
  state: CollectionState,
  unit: WriteUnit,
  filter: Filter,
  update: ParsedUpdate,
  options: { multi: boolean; upsert: boolean; sort?: Sort | undefined },
): UpdateOutcome {
  const query = new Query(filter, {});
  const pool = candidates(state, filter);
  const matched =
    options.sort === undefined
      ? pool.filter((document) => query.test(document))
      : query.find<Document>(pool).sort(options.sort).all();
  const targets = options.multi ? matched : matched.slice(0, 1);
  const outcome: UpdateOutcome = {
    matchedCount: targets.length,
    modifiedCount: 0,
    upsertedId: null,
    before: targets[0],
    after: targets[0],
  };

  for (const [position, document] of targets.entries()) {
    const next = structuredClone(document);
    // Passing the filter as the condition lets mingo resolve the positional `$` operator.
    const changed = hasOperators(update.operators)
      ? applyOperators(next, update.operators, undefined, filter, { cloneMode: 'deep' })
      : [];
    if (changed.length === 0) continue;
    unit.put(state, next, 'replace');
    outcome.modifiedCount += 1;
    if (position === 0) outcome.after = next;
  }

  if (targets.length === 0 && options.upsert) {
    const inserted = upsertSeed(filter);
    if (hasOperators(update.operators)) {
      applyOperators(inserted, update.operators, undefined, undefined, { cloneMode: 'deep' });
    }
    if (update.setOnInsert !== undefined) {
      applyOperators(inserted, { $set: update.setOnInsert }, undefined, undefined, {
        cloneMode: 'deep',
      });
    }
    inserted['_id'] ??= generateId();
    unit.put(state, inserted as Document, 'insert');
    outcome.upsertedId = inserted['_id'];
    outcome.after = inserted as Document;
  }
  return outcome;
}

function toUpdateResult(outcome: UpdateOutcome): UpdateResult {
  return {
    acknowledged: true,
    matchedCount: outcome.matchedCount,
    modifiedCount: outcome.modifiedCount,
    upsertedCount: outcome.upsertedId === null ? 0 : 1,
    upsertedId: outcome.upsertedId,
  };
}

/** Validates an update document (operators only, like the driver) and takes a private copy. */
function parseUpdate(update: UpdateFilter): ParsedUpdate {
  const keys = isObject(update) ? Object.keys(update) : [];
  if (keys.length === 0 || !keys.every((key) => key.startsWith('$'))) {
    throw new TypeError('Update document requires atomic operators');
  }
  const { $setOnInsert, ...operators } = structuredClone(update);
  if ($setOnInsert !== undefined && !isObject($setOnInsert)) {
    throw new TypeError('$setOnInsert expects a document');
  }
  return { operators: operators as Modifier<AnyObject>, setOnInsert: $setOnInsert };
}

function hasOperators(operators: Modifier<AnyObject>): boolean {
  return Object.keys(operators).length > 0;
}

/** The documents worth testing: a direct lookup when the filter pins a scalar `_id`. */
function candidates(state: CollectionState, filter: Filter): Document[] {
  const id = filter['_id'];
  if (typeof id === 'string' || typeof id === 'number') {
    const document = state.get(encodeKey(id));
    return document === undefined ? [] : [document];
  }
  return state.documents();
}

/** A private copy of a stored document, projected, with `_id` first as MongoDB returns it. */
function copyOut<T>(document: Document, projection: Projection | undefined): T {
  const shaped =
    projection === undefined || Object.keys(projection).length === 0
      ? document
      : new Query({}, {}).find<AnyObject>([document], projection).all()[0];
  const { _id, ...rest } = structuredClone(shaped ?? {}) as AnyObject;
  return (_id === undefined ? rest : { _id, ...rest }) as T;
}

/** A stand-in for MongoDB's ObjectId: 12 random bytes as 24 hex characters. */
function generateId(): string {
  return randomBytes(12).toString('hex');
}

function isObject(value: unknown): value is AnyObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
