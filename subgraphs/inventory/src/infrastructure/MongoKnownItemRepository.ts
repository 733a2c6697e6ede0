import type { DocumentCollection, DocumentStore, StoreSession } from '@play-economy/chassis';
import type { KnownItem } from '../domain/KnownItem.ts';
import type { KnownItemRepository } from '../domain/KnownItemRepository.ts';

interface KnownItemDocument {
  _id: string;
  version: number;
  deleted: boolean;
  updatedAt: Date;
  [key: string]: unknown;
}

function toKnownItem(document: KnownItemDocument): KnownItem {
  return { id: document._id, version: document.version, deleted: document.deleted };
}

/** The catalog items inventory has heard of, in one MongoDB collection (or the embedded one). */
export class MongoKnownItemRepository implements KnownItemRepository {
  private readonly items: DocumentCollection<KnownItemDocument>;

  private constructor(store: DocumentStore) {
    this.items = store.collection<KnownItemDocument>('known_items');
  }

  static async create(store: DocumentStore): Promise<MongoKnownItemRepository> {
    return new MongoKnownItemRepository(store);
  }

  async find(id: string, session?: StoreSession): Promise<KnownItem | null> {
    const document = await this.items.findOne({ _id: id }, session ? { session } : {});
    return document ? toKnownItem(document) : null;
  }

  async findMany(ids: readonly string[]): Promise<KnownItem[]> {
    const documents = await this.items.find({ _id: { $in: [...ids] } }).toArray();
    return documents.map(toKnownItem);
  }

  async save(
    item: KnownItem,
    expectedVersion: number | null,
    session: StoreSession,
  ): Promise<void> {
    const fields = { version: item.version, deleted: item.deleted, updatedAt: new Date() };
    if (expectedVersion === null) {
      // A concurrent first insert fails on the duplicate _id; the retry then sees it.
      await this.items.insertOne({ _id: item.id, ...fields }, { session });
      return;
    }
    const result = await this.items.updateOne(
      { _id: item.id, version: expectedVersion },
      { $set: fields },
      { session },
    );
    if (result.matchedCount !== 1) {
      throw new Error(`known item ${item.id} changed from version ${expectedVersion} meanwhile`);
    }
  }
}
