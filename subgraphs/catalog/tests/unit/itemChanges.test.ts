import { describe, expect, it } from 'vitest';
import { EmbeddedStore, Outbox, Role, UnitOfWork } from '@play-economy/chassis';
import { rerunningTransactions } from '@play-economy/chassis/testing';
import { CreateItem } from '../../src/application/CreateItem.ts';
import { DeleteItem } from '../../src/application/DeleteItem.ts';
import { UpdateItem } from '../../src/application/UpdateItem.ts';
import { MongoItemRepository } from '../../src/infrastructure/MongoItemRepository.ts';

const admin = { userId: 'admin', roles: [Role.Admin] };

/** The item use cases over a store that runs every transaction twice, as MongoDB may. */
async function aCatalogRerunningTransactions() {
  const store = rerunningTransactions(new EmbeddedStore({ database: 'catalog-test' }));
  const outbox = new Outbox(store);
  const unitOfWork = new UnitOfWork({ store, outbox });
  const items = await MongoItemRepository.create(store);
  return {
    createItem: new CreateItem(items, unitOfWork),
    updateItem: new UpdateItem(items, unitOfWork),
    deleteItem: new DeleteItem(items, unitOfWork),
    items,
    async published() {
      const records = await outbox.collection.find({}, { sort: { sequence: 1 } }).toArray();
      return records.map(({ message }) => ({ type: message.type, payload: message.payload }));
    },
  };
}

describe('item changes when the store runs a transaction again', () => {
  it('each announce their event once, and the change is made once', async () => {
    const catalog = await aCatalogRerunningTransactions();
    const fields = { name: 'Potion', description: 'Heals 50 HP.', price: 50 };
    const { id } = await catalog.createItem.execute(admin, fields);
    await catalog.updateItem.execute(admin, id, { price: 60 });
    expect((await catalog.items.findById(id))?.price).toBe(60);
    await catalog.deleteItem.execute(admin, id);
    expect(await catalog.items.findById(id)).toBeNull();

    const published = await catalog.published();
    expect(published.map(({ type }) => type)).toEqual([
      'catalog.item.created',
      'catalog.item.updated',
      'catalog.item.deleted',
    ]);
    expect(published[1]?.payload).toMatchObject({ id, price: 60 });
  });
});
