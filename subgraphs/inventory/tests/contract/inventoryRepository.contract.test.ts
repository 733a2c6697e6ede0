import { randomUUID } from 'node:crypto';
import { EmbeddedStore, MongoStore, type DocumentStore } from '@play-economy/chassis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeEntryQuantity } from '../../src/application/ChangeEntryQuantity.ts';
import { InventoryEntry } from '../../src/domain/InventoryEntry.ts';
import { QuantityLimitExceeded } from '../../src/domain/QuantityLimitExceeded.ts';
import { QUANTITY_MAX } from '../../src/domain/QuantityRules.ts';
import { MongoInventoryRepository } from '../../src/infrastructure/MongoInventoryRepository.ts';

/** The inventory repository's guarded changes, run against every engine that implements it. */
function inventoryRepositoryContract(openStore: () => Promise<DocumentStore>): void {
  let store: DocumentStore;
  let repository: MongoInventoryRepository;
  let quantities: ChangeEntryQuantity;
  beforeAll(async () => {
    store = await openStore();
    repository = await MongoInventoryRepository.create(store);
    quantities = new ChangeEntryQuantity(repository);
  });
  afterAll(async () => {
    await store.close();
  });

  const aUser = () => `u-${randomUUID()}`;
  const grant = (userId: string, quantity: number) =>
    store.withTransaction((session) =>
      quantities.grant(userId, 'potion', quantity, { cause: 'admin-grant' }, session),
    );
  const subtract = (userId: string, quantity: number) =>
    store.withTransaction((session) =>
      quantities.subtract(userId, 'potion', quantity, 'p-1', session),
    );

  it('creates the entry on the first grant, acquired then, and adds to it after', async () => {
    const userId = aUser();
    const acquiredAt = new Date(Date.UTC(2026, 0, 1));
    const first = InventoryEntry.of(userId, 'potion').grant(2);
    const created = await store.withTransaction((session) =>
      repository.apply(first, acquiredAt, session),
    );
    expect(created).toEqual({ userId, itemId: 'potion', quantity: 2, acquiredAt });
    const second = InventoryEntry.of(userId, 'potion').grant(3);
    const added = await store.withTransaction((session) =>
      repository.apply(second, new Date(), session),
    );
    expect(added).toEqual({ userId, itemId: 'potion', quantity: 5, acquiredAt });
  });

  it('refuses a grant past the largest ownable total, changing nothing', async () => {
    const userId = aUser();
    await grant(userId, QUANTITY_MAX - 1);
    await expect(grant(userId, 2)).rejects.toBeInstanceOf(QuantityLimitExceeded);
    expect((await repository.find(userId, 'potion'))?.quantity).toBe(QUANTITY_MAX - 1);
    expect((await grant(userId, 1)).quantity).toBe(QUANTITY_MAX);
  });

  it('refuses a subtraction of more than there is, and never creates an entry for one', async () => {
    const userId = aUser();
    const take = InventoryEntry.of(userId, 'potion').subtract(1);
    expect(
      await store.withTransaction((session) => repository.apply(take, new Date(), session)),
    ).toBeNull();
    expect(await repository.find(userId, 'potion')).toBeNull();
    await grant(userId, 3);
    const taken = await subtract(userId, 5);
    expect(taken.quantity).toBe(0);
    expect(taken.pullEvents()[0]?.payload).toMatchObject({ subtracted: 3, newQuantity: 0 });
  });

  it('adds up concurrent grants and subtractions exactly, never below 0', async () => {
    const userId = aUser();
    await grant(userId, 100);
    const grants = Array.from({ length: 20 }, () => grant(userId, 3));
    const subtractions = Array.from({ length: 20 }, () => subtract(userId, 2));
    await Promise.all([...grants, ...subtractions]);
    expect((await repository.find(userId, 'potion'))?.quantity).toBe(100 + 20 * 3 - 20 * 2);

    const emptied = await Promise.all(Array.from({ length: 10 }, () => subtract(userId, 30)));
    const taken = emptied.map((entry) => entry.pullEvents()[0]?.payload as { subtracted: number });
    expect(taken.reduce((sum, { subtracted }) => sum + subtracted, 0)).toBe(120);
    expect((await repository.find(userId, 'potion'))?.quantity).toBe(0);
  });
}

describe('in memory (embedded store)', () => {
  inventoryRepositoryContract(async () => new EmbeddedStore({ database: 'inventory-contract' }));
});

// No MongoDB server can be installed on the build machines: this run needs MONGODB_URL pointing
// at one, e.g. the `mongo` container in CI.
const mongodbUrl = process.env['MONGODB_URL'];

describe.runIf(mongodbUrl !== undefined && mongodbUrl !== '')('in MongoDB', () => {
  const database = `inventory_entries_${randomUUID().slice(0, 8)}`;
  afterAll(async () => {
    const cleanup = await MongoStore.connect(mongodbUrl ?? '', database);
    await cleanup.db.dropDatabase();
    await cleanup.close();
  });

  inventoryRepositoryContract(() => MongoStore.connect(mongodbUrl ?? '', database));
});
