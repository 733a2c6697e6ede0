import type { DocumentCollection, DocumentStore, StoreSession } from '@play-economy/chassis';
import type { ItemPrice } from '../domain/ItemPrice.ts';
import type { ItemPriceRepository } from '../domain/ItemPriceRepository.ts';

interface ItemPriceDocument {
  _id: string;
  name: string;
  price: number;
  version: number;
  deleted: boolean;
  [key: string]: unknown;
}

/** Trading's price list in one MongoDB collection (or the embedded engine's equivalent). */
export class MongoItemPriceRepository implements ItemPriceRepository {
  private readonly items: DocumentCollection<ItemPriceDocument>;

  private constructor(store: DocumentStore) {
    this.items = store.collection<ItemPriceDocument>('item_prices');
  }

  static async create(store: DocumentStore): Promise<MongoItemPriceRepository> {
    return new MongoItemPriceRepository(store);
  }

  async findSold(itemId: string): Promise<ItemPrice | null> {
    const document = await this.items.findOne({ _id: itemId, deleted: false });
    if (!document) return null;
    const { _id, name, price, version, deleted } = document;
    return { itemId: _id, name, price, version, deleted };
  }

  async applyIfNewer(item: ItemPrice, session: StoreSession): Promise<boolean> {
    const { itemId, ...fields } = item;
    // Read and write in one transaction: a concurrent change of the same copy conflicts and
    // the transaction is retried, so an older version never overwrites a newer one. (A
    // duplicate-key trick would abort the surrounding transaction, inbox record included.)
    const current = await this.items.findOne({ _id: itemId }, { session });
    if (current && current.version >= item.version) return false;
    await this.items.updateOne({ _id: itemId }, { $set: fields }, { session, upsert: true });
    return true;
  }
}
