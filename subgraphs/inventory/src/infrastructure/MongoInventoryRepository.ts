import type {
  DocumentCollection,
  DocumentStore,
  Filter,
  StoreSession,
} from '@play-economy/chassis';
import type { InventoryEntryState, QuantityChange } from '../domain/InventoryEntry.ts';
import type { EntryPageQuery, InventoryRepository } from '../domain/InventoryRepository.ts';

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

function toEntry(document: EntryDocument): InventoryEntryState {
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

  async findByUser(
    userId: string,
    { first, after }: EntryPageQuery,
  ): Promise<InventoryEntryState[]> {
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

  async find(
    userId: string,
    itemId: string,
    session?: StoreSession,
  ): Promise<InventoryEntryState | null> {
    const document = await this.entries.findOne(
      { _id: entryKey(userId, itemId) },
      session ? { session } : {},
    );
    return document ? toEntry(document) : null;
  }

  async quantitiesOf(userId: string, itemIds: readonly string[]): Promise<Map<string, number>> {
    const documents = await this.entries
      .find({ userId, itemId: { $in: [...itemIds] } }, { projection: { itemId: 1, quantity: 1 } })
      .toArray();
    return new Map(documents.map((document) => [document.itemId, document.quantity]));
  }

  async apply(
    change: QuantityChange,
    now: Date,
    session: StoreSession,
  ): Promise<InventoryEntryState | null> {
    const { userId, itemId, delta, atLeast, atMost } = change;
    const _id = entryKey(userId, itemId);
    // One conditional $inc: concurrent changes add up, and none reads a total it then
    // overwrites; the guard is checked by the same update that applies the change.
    const guarded = { _id, quantity: { $gte: atLeast, $lte: atMost } };
    const update = { $inc: { quantity: delta }, $set: { updatedAt: now } };
    const updated = await this.entries.findOneAndUpdate(guarded, update, {
      session,
      returnDocument: 'after',
    });
    if (updated) return toEntry(updated);
    // No match: either the guard refused the stored quantity, or there is no entry yet, which
    // counts as 0.
    if (atLeast > 0 || atMost < 0) return null;
    const created = await this.entries.updateOne(
      { _id },
      { $setOnInsert: { userId, itemId, quantity: delta, acquiredAt: now, updatedAt: now } },
      { session, upsert: true },
    );
    if (created.upsertedCount > 0) return { userId, itemId, quantity: delta, acquiredAt: now };
    // Created meanwhile by a concurrent change: the guard decides on what is there now.
    const retried = await this.entries.findOneAndUpdate(guarded, update, {
      session,
      returnDocument: 'after',
    });
    return retried ? toEntry(retried) : null;
  }
}
