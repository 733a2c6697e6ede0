import type { Document } from '../DocumentStore.ts';
import { DuplicateKeyError } from './DuplicateKeyError.ts';
import { documentCodec } from './documentCodec.ts';

/** What the journal records about an index, and what `createIndex` compares. */
export interface IndexDefinition {
  name: string;
  keys: Record<string, 1 | -1>;
  unique: boolean;
}

interface IndexState extends IndexDefinition {
  /** Unique indexes only: encoded key tuple → encoded `_id` of the document holding it. */
  entries: Map<string, string>;
}

const ID_INDEX = '_id_';

/** Encodes any value (an `_id`, an index key tuple) as a string with BSON-like equality. */
export function encodeKey(value: unknown): string {
  return documentCodec.stringify(value ?? null);
}

/**
 * The documents and indexes of one collection, in natural (insertion) order. Knows nothing of
 * transactions: `WriteUnit` records undo information around every change made here.
 */
export class CollectionState {
  readonly #documents = new Map<string, Document>();
  readonly #indexes = new Map<string, IndexState>();

  constructor(
    readonly name: string,
    readonly namespace: string,
  ) {}

  documents(): Document[] {
    return [...this.#documents.values()];
  }

  get(encodedId: string): Document | undefined {
    return this.#documents.get(encodedId);
  }

  /**
   * Stores `document` (the caller hands over ownership). `insert` refuses an existing `_id`;
   * `replace` overwrites it. Unique indexes are checked before anything changes.
   * @returns the document previously stored under the same `_id`.
   */
  put(document: Document, mode: 'insert' | 'replace'): Document | undefined {
    const encodedId = encodeKey(document._id);
    const previous = this.#documents.get(encodedId);
    if (mode === 'insert' && previous !== undefined) {
      throw new DuplicateKeyError(this.namespace, ID_INDEX, { _id: 1 }, { _id: document._id });
    }
    for (const index of this.#uniqueIndexes()) {
      for (const key of indexKeys(document, index)) {
        const holder = index.entries.get(key);
        if (holder !== undefined && holder !== encodedId) {
          throw new DuplicateKeyError(
            this.namespace,
            index.name,
            index.keys,
            keyValue(document, index),
          );
        }
      }
    }
    this.restore(encodedId, document);
    return previous;
  }

  /** Removes the document stored under `encodedId`, returning it. */
  remove(encodedId: string): Document | undefined {
    const previous = this.#documents.get(encodedId);
    this.restore(encodedId, undefined);
    return previous;
  }

  /**
   * Sets the slot `encodedId` to `document` (or empties it) without checking constraints: used
   * to undo a change and to replay the journal, where the outcome is known to be consistent.
   */
  restore(encodedId: string, document: Document | undefined): void {
    const previous = this.#documents.get(encodedId);
    for (const index of this.#uniqueIndexes()) {
      if (previous !== undefined) {
        for (const key of indexKeys(previous, index)) {
          // Another document may already have taken this key over during an undo sequence.
          if (index.entries.get(key) === encodedId) index.entries.delete(key);
        }
      }
      if (document !== undefined) {
        for (const key of indexKeys(document, index)) index.entries.set(key, encodedId);
      }
    }
    if (document === undefined) this.#documents.delete(encodedId);
    else this.#documents.set(encodedId, document);
  }

  /**
   * Creates an index. An identical existing index is fine; a conflicting one is an error, as is
   * a unique index over documents that already violate it.
   * @returns the index name and whether it is new.
   */
  createIndex(definition: IndexDefinition): { name: string; created: boolean } {
    if (sameKeys(definition.keys, { _id: 1 })) return { name: ID_INDEX, created: false };
    const existing =
      this.#indexes.get(definition.name) ??
      [...this.#indexes.values()].find((index) => sameKeys(index.keys, definition.keys));
    if (existing !== undefined) {
      const sameSpec = sameKeys(existing.keys, definition.keys);
      if (existing.name === definition.name && sameSpec && existing.unique === definition.unique) {
        return { name: existing.name, created: false };
      }
      // MongoDB's codes: 86 IndexKeySpecsConflict (same name, other keys), else 85 IndexOptionsConflict.
      const [code, codeName] = sameSpec
        ? [85, 'IndexOptionsConflict']
        : [86, 'IndexKeySpecsConflict'];
      throw Object.assign(
        new Error(
          `An index named ${existing.name} already exists with different keys, name or options`,
        ),
        { code, codeName },
      );
    }
    const index: IndexState = { ...definition, keys: { ...definition.keys }, entries: new Map() };
    if (index.unique) {
      for (const [encodedId, document] of this.#documents) {
        for (const key of indexKeys(document, index)) {
          if (index.entries.has(key)) {
            throw new DuplicateKeyError(
              this.namespace,
              index.name,
              index.keys,
              keyValue(document, index),
            );
          }
          index.entries.set(key, encodedId);
        }
      }
    }
    this.#indexes.set(index.name, index);
    return { name: index.name, created: true };
  }

  dropIndex(name: string): void {
    this.#indexes.delete(name);
  }

  *#uniqueIndexes(): Iterable<IndexState> {
    for (const index of this.#indexes.values()) if (index.unique) yield index;
  }
}

/** MongoDB's default index name: `owner_1_slot_-1`. */
export function defaultIndexName(keys: Record<string, 1 | -1>): string {
  return Object.entries(keys)
    .map(([field, direction]) => `${field}_${direction}`)
    .join('_');
}

function sameKeys(left: Record<string, 1 | -1>, right: Record<string, 1 | -1>): boolean {
  return encodeKey(Object.entries(left)) === encodeKey(Object.entries(right));
}

/**
 * Every key tuple `document` contributes to `index`. A missing field counts as `null` (so two
 * documents lacking it collide, as in MongoDB); an array contributes each element (multikey).
 */
function indexKeys(document: Document, index: IndexDefinition): Set<string> {
  let tuples: unknown[][] = [[]];
  for (const path of Object.keys(index.keys)) {
    const values = valuesAt(document, path.split('.'));
    tuples = tuples.flatMap((tuple) => values.map((value) => [...tuple, value]));
  }
  return new Set(tuples.map(encodeKey));
}

function keyValue(document: Document, index: IndexDefinition): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(index.keys).map((path) => [path, valuesAt(document, path.split('.'))[0]]),
  );
}

function valuesAt(value: unknown, path: string[]): unknown[] {
  const [head, ...rest] = path;
  if (head === undefined) {
    if (Array.isArray(value)) return value.length > 0 ? value : [[]];
    return [value ?? null];
  }
  if (Array.isArray(value)) {
    if (/^\d+$/.test(head)) return valuesAt(value[Number(head)], rest);
    const values = value.flatMap((element: unknown) => valuesAt(element, path));
    return values.length > 0 ? values : [null];
  }
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return valuesAt((value as Record<string, unknown>)[head], rest);
  }
  return [null];
}
