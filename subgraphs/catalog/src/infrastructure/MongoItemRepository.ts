import type {
  DocumentCollection,
  DocumentStore,
  Filter,
  StoreSession,
} from '@play-economy/chassis';
import { Item, type ItemState } from '../domain/Item.ts';
import type { ItemPage, ItemQuery, ItemRepository } from '../domain/ItemRepository.ts';

interface ItemDocument {
  _id: string;
  name: string;
  /** Lower-cased name: sorting on it keeps `Apple` and `apple` together on every engine. */
  sortName: string;
  description: string;
  price: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  [key: string]: unknown;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function toDocument(item: Item): ItemDocument {
  const { id, ...state } = item.toState();
  return { _id: id, sortName: state.name.toLowerCase(), ...state };
}

function toItem({ _id, sortName: _sortName, ...rest }: ItemDocument): Item {
  const state: ItemState = {
    id: _id,
    name: rest.name,
    description: rest.description,
    price: rest.price,
    version: rest.version,
    createdAt: rest.createdAt,
    updatedAt: rest.updatedAt,
  };
  return Item.restore(state);
}

/** Items in one MongoDB collection (or the embedded engine's equivalent). */
export class MongoItemRepository implements ItemRepository {
  private readonly items: DocumentCollection<ItemDocument>;

  private constructor(store: DocumentStore) {
    this.items = store.collection<ItemDocument>('items');
  }

  static async create(store: DocumentStore): Promise<MongoItemRepository> {
    const repository = new MongoItemRepository(store);
    await repository.items.createIndex({ sortName: 1, _id: 1 }, { name: 'items_by_name' });
    return repository;
  }

  async findById(id: string): Promise<Item | null> {
    const document = await this.items.findOne({ _id: id });
    return document ? toItem(document) : null;
  }

  async findPage({ search, after, first }: ItemQuery): Promise<ItemPage> {
    const matching: Filter = search
      ? { name: { $regex: escapeRegExp(search), $options: 'i' } }
      : {};
    const pageFilter: Filter = after
      ? {
          ...matching,
          $or: [
            { sortName: { $gt: after.sortName } },
            { sortName: after.sortName, _id: { $gt: after.id } },
          ],
        }
      : matching;
    // One extra document tells whether another page follows.
    const [documents, totalCount] = await Promise.all([
      this.items.find(pageFilter, { sort: { sortName: 1, _id: 1 }, limit: first + 1 }).toArray(),
      this.items.countDocuments(matching),
    ]);
    return {
      items: documents.slice(0, first).map(toItem),
      hasNextPage: documents.length > first,
      totalCount,
    };
  }

  async insert(item: Item, session: StoreSession): Promise<void> {
    await this.items.insertOne(toDocument(item), { session });
  }

  async update(item: Item, expectedVersion: number, session: StoreSession): Promise<boolean> {
    const { _id, ...fields } = toDocument(item);
    const result = await this.items.updateOne(
      { _id, version: expectedVersion },
      { $set: fields },
      { session },
    );
    return result.matchedCount === 1;
  }

  async remove(id: string, session: StoreSession): Promise<boolean> {
    const result = await this.items.deleteOne({ _id: id }, { session });
    return result.deletedCount === 1;
  }
}
