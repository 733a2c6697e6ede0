import type {
  DocumentCollection,
  DocumentStore,
  Filter,
  StoreSession,
} from '@play-economy/chassis';
import type { InventoryEntry } from '../domain/InventoryEntry.ts';
import type { EntryPageQuery, InventoryRepository } from '../domain/InventoryRepository.ts';
import { subtractionFrom, type Subtraction } from '../domain/QuantityRules.ts';

interface EntryDocument {
  /** Derived from the user and the item, so an upsert can target the one entry by key. */
  _id: string;
  userId: string;
  itemId: string;
  quantity: number;
  acquiredAt: Date;
  updatedAt: Date;
  [key: string]: unknown;
}

/** Unambiguous whatever the ids contain: `["<userId>","<itemId>"]`. */
function entryKey(userId: string, itemId: string): string {
  return JSON.stringify([userId, itemId]);
}

function toEntry(document: EntryDocument): InventoryEntry {
  return {
    userId: document.userId,
    itemId: document.itemId,
    quantity: document.quantity,
    acquiredAt: document.acquiredAt,
  };
}

/** Inventory entries in one MongoDB collection (or the embedded engine's equivalent). */
export class MongoInventoryRepository implements InventoryRepository {
  private readonly entries: DocumentCollection<EntryDocument>;

  private constructor(store: DocumentStore) {
    this.entries = store.collection<EntryDocument>('inventory_entries');
  }

  static async create(store: DocumentStore): Promise<MongoInventoryRepository> {
    const repository = new MongoInventoryRepository(store);
    await repository.entries.createIndex(
      { userId: 1, itemId: 1 },
      { name: 'entries_by_user_and_item', unique: true },
    );
    await repository.entries.createIndex(
      { userId: 1, acquiredAt: 1, itemId: 1 },
      { name: 'entries_by_user_in_acquisition_order' },
    );
    return repository;
  }

  async findByUser(userId: string, { first, after }: EntryPageQuery): Promise<InventoryEntry[]> {
    // MongoDB reads a limit of 0 as no limit at all.
    if (first < 1) return [];
    // Keyset paging: an item acquired meanwhile lands on the last page and never shifts an
    // earlier one.
    const owned: Filter = { userId, quantity: { $gt: 0 } };
    const filter: Filter = after
      ? {
          ...owned,
          $or: [
            { acquiredAt: { $gt: after.acquiredAt } },
            { acquiredAt: after.acquiredAt, itemId: { $gt: after.itemId } },
          ],
        }
      : owned;
    const documents = await this.entries
      .find(filter, { sort: { acquiredAt: 1, itemId: 1 }, limit: first })
      .toArray();
    return documents.map(toEntry);
  }

  async find(userId: string, itemId: string): Promise<InventoryEntry | null> {
    const document = await this.entries.findOne({ _id: entryKey(userId, itemId) });
    return document ? toEntry(document) : null;
  }

  async quantitiesOf(userId: string, itemIds: readonly string[]): Promise<Map<string, number>> {
    const documents = await this.entries
      .find({ userId, itemId: { $in: [...itemIds] } }, { projection: { itemId: 1, quantity: 1 } })
      .toArray();
    return new Map(documents.map((document) => [document.itemId, document.quantity]));
  }

  async add(
    userId: string,
    itemId: string,
    quantity: number,
    now: Date,
    session: StoreSession,
  ): Promise<InventoryEntry> {
    // One upsert with $inc: concurrent grants add up, and none reads a total it then overwrites.
    // The filter's equality fields seed a new entry's userId and itemId.
    const updated = await this.entries.findOneAndUpdate(
      { _id: entryKey(userId, itemId), userId, itemId },
      { $inc: { quantity }, $set: { updatedAt: now }, $setOnInsert: { acquiredAt: now } },
      { session, upsert: true, returnDocument: 'after' },
    );
    if (!updated)
      throw new Error(`the upsert of inventory entry ${userId}/${itemId} returned none`);
    return toEntry(updated);
  }

  async subtract(
    userId: string,
    itemId: string,
    quantity: number,
    now: Date,
    session: StoreSession,
  ): Promise<Subtraction> {
    const _id = entryKey(userId, itemId);
    // The usual case, in one conditional update: there are enough to take.
    const taken = await this.entries.findOneAndUpdate(
      { _id, quantity: { $gte: quantity } },
      { $inc: { quantity: -quantity }, $set: { updatedAt: now } },
      { session, returnDocument: 'after' },
    );
    if (taken) return { subtracted: quantity, newQuantity: taken.quantity };
    // Fewer than asked: take what there is, on condition that it is still what was read.
    const current = await this.entries.findOne({ _id }, { session });
    const outcome = subtractionFrom(current?.quantity ?? 0, quantity);
    if (!current || outcome.subtracted === 0) return outcome;
    const emptied = await this.entries.findOneAndUpdate(
      { _id, quantity: current.quantity },
      { $set: { quantity: outcome.newQuantity, updatedAt: now } },
      { session, returnDocument: 'after' },
    );
    if (!emptied) throw new Error(`inventory entry ${userId}/${itemId} changed while subtracting`);
    return outcome;
  }
}
