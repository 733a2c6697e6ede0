import { randomBytes } from 'node:crypto';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDuplicateKeyError } from '../../src/store/DocumentStore.ts';
import type {
  Document,
  DocumentCollection,
  DocumentStore,
  StoreSession,
} from '../../src/store/DocumentStore.ts';
import { EmbeddedStore } from '../../src/store/EmbeddedStore.ts';
import { MongoStore } from '../../src/store/MongoStore.ts';
import { createStore } from '../../src/store/createStore.ts';

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

interface Wallet extends Document {
  owner: string;
  balance: number;
  slot: number;
  tags: string[];
  profile: { nickname: string; level: number };
  createdAt: Date;
}

interface Item extends Document {
  name: string;
  price: number;
  category: string;
  stock: { warehouse: string; count: number };
}

interface Counter extends Document {
  count: number;
}

class WalletBuilder {
  readonly #wallet: Wallet = {
    _id: 'wallet',
    owner: 'ann',
    balance: 100,
    slot: 0,
    tags: [],
    profile: { nickname: 'annie', level: 1 },
    createdAt: new Date('2024-05-01T10:00:00.000Z'),
  };

  withId(id: string): this {
    this.#wallet._id = id;
    return this;
  }

  withOwner(owner: string): this {
    this.#wallet.owner = owner;
    return this;
  }

  withBalance(balance: number): this {
    this.#wallet.balance = balance;
    return this;
  }

  inSlot(slot: number): this {
    this.#wallet.slot = slot;
    return this;
  }

  withTags(...tags: string[]): this {
    this.#wallet.tags = tags;
    return this;
  }

  createdAt(createdAt: Date): this {
    this.#wallet.createdAt = createdAt;
    return this;
  }

  build(): Wallet {
    return structuredClone(this.#wallet);
  }
}

class ItemBuilder {
  readonly #item: Item = {
    _id: 'item',
    name: 'Potion',
    price: 5,
    category: 'consumable',
    stock: { warehouse: 'north', count: 10 },
  };

  withId(id: string): this {
    this.#item._id = id;
    return this;
  }

  named(name: string): this {
    this.#item.name = name;
    return this;
  }

  withPrice(price: number): this {
    this.#item.price = price;
    return this;
  }

  inCategory(category: string): this {
    this.#item.category = category;
    return this;
  }

  stockedIn(warehouse: string, count: number): this {
    this.#item.stock = { warehouse, count };
    return this;
  }

  build(): Item {
    return structuredClone(this.#item);
  }
}

const aWallet = (): WalletBuilder => new WalletBuilder();
const anItem = (): ItemBuilder => new ItemBuilder();

/** A small catalogue with deliberate ties, used by the query tests. */
function catalogue(): Item[] {
  return [
    anItem()
      .withId('i1')
      .named('Potion')
      .withPrice(5)
      .inCategory('consumable')
      .stockedIn('north', 10)
      .build(),
    anItem()
      .withId('i2')
      .named('Ether')
      .withPrice(20)
      .inCategory('consumable')
      .stockedIn('south', 0)
      .build(),
    anItem()
      .withId('i3')
      .named('Sword')
      .withPrice(120)
      .inCategory('weapon')
      .stockedIn('north', 2)
      .build(),
    anItem()
      .withId('i4')
      .named('Shield')
      .withPrice(80)
      .inCategory('armor')
      .stockedIn('south', 4)
      .build(),
    anItem()
      .withId('i5')
      .named('Bow')
      .withPrice(80)
      .inCategory('weapon')
      .stockedIn('east', 1)
      .build(),
  ];
}

let sequence = 0;
/** A collection name no other test uses, so tests never see each other's documents. */
function freshName(prefix: string): string {
  sequence += 1;
  return `${prefix}_${sequence}`;
}

function uniqueDatabase(): string {
  return `contract_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** Gives other queued work a chance to run, to provoke interleavings. */
function yieldToOthers(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function captureError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the operation to fail');
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

// ---------------------------------------------------------------------------------------------
// The contract, run against every engine
// ---------------------------------------------------------------------------------------------

interface EngineUnderTest {
  engine: DocumentStore['engine'];
  /** Opens a store on `database`; the same name reaches the same data where the engine keeps it. */
  openStore(database: string): Promise<DocumentStore>;
  /** Whether data outlives `close()` (journaled embedded engine, MongoDB). */
  durable: boolean;
  /** Removes what the run created. */
  cleanUp(): Promise<void>;
}

function documentStoreContract(engine: EngineUnderTest): void {
  let store: DocumentStore;

  beforeAll(async () => {
    store = await engine.openStore(uniqueDatabase());
  });

  afterAll(async () => {
    await store.close();
    await engine.cleanUp();
  });

  const wallets = (): DocumentCollection<Wallet> => store.collection<Wallet>(freshName('wallets'));
  const items = async (): Promise<DocumentCollection<Item>> => {
    const collection = store.collection<Item>(freshName('items'));
    for (const item of catalogue()) await collection.insertOne(item);
    return collection;
  };
  const ids = (documents: Document[]): string[] => documents.map((document) => document._id);

  describe('store', () => {
    it('names its engine and answers ping', async () => {
      expect(store.engine).toBe(engine.engine);
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('hands out collections under their name', () => {
      expect(store.collection('purchases').collectionName).toBe('purchases');
    });

    it('rejects every call after close', async () => {
      const closing = await engine.openStore(uniqueDatabase());
      const collection = closing.collection<Wallet>('wallets');
      await closing.close();

      await expect(closing.ping()).rejects.toThrow();
      await expect(collection.findOne({})).rejects.toThrow();
      await expect(collection.insertOne(aWallet().build())).rejects.toThrow();
      await expect(
        closing.withTransaction((session) => collection.insertOne(aWallet().build(), { session })),
      ).rejects.toThrow();
    });
  });

  describe('insertOne and reads', () => {
    it('stores a document and returns it unchanged, dates included', async () => {
      const collection = wallets();
      const wallet = aWallet().withId('w1').withTags('new').build();

      const result = await collection.insertOne(wallet);

      expect(result).toEqual({ acknowledged: true, insertedId: 'w1' });
      const stored = await collection.findOne({ _id: 'w1' });
      expect(stored).toEqual(wallet);
      expect(stored?.createdAt).toBeInstanceOf(Date);
      expect(stored?.createdAt.getTime()).toBe(wallet.createdAt.getTime());
    });

    it('copies documents in and out, so callers cannot change stored state', async () => {
      const collection = wallets();
      const wallet = aWallet().withId('w1').withTags('a').build();
      await collection.insertOne(wallet);

      wallet.tags.push('mutated-after-insert');
      const read = await collection.findOne({ _id: 'w1' });
      read?.tags.push('mutated-after-read');
      if (read !== null) read.profile.level = 99;
      const tags = ['b'];
      await collection.updateOne({ _id: 'w1' }, { $set: { tags } });
      tags.push('mutated-after-update');
      const [listed] = await collection.find({}).toArray();
      listed?.tags.push('mutated-after-find');

      expect(await collection.findOne({ _id: 'w1' })).toMatchObject({
        tags: ['b'],
        profile: { level: 1 },
      });
    });

    it('refuses a second document with the same _id as a duplicate key', async () => {
      const collection = wallets();
      await collection.insertOne(aWallet().withId('w1').build());

      const error = await captureError(
        collection.insertOne(aWallet().withId('w1').withOwner('bob').build()),
      );

      expect(isDuplicateKeyError(error)).toBe(true);
      expect(error).toMatchObject({ code: 11000 });
      expect((error as Error).message).toContain('_id_');
      expect(await collection.countDocuments({})).toBe(1);
    });

    it('returns null from findOne when nothing matches', async () => {
      const collection = await items();
      expect(await collection.findOne({ category: 'ring' })).toBeNull();
    });

    it('evaluates MongoDB filters', async () => {
      const collection = await items();
      const query = async (filter: Record<string, unknown>): Promise<string[]> =>
        ids(await collection.find(filter, { sort: { _id: 1 } }).toArray());

      expect(await query({ price: { $gte: 80 } })).toEqual(['i3', 'i4', 'i5']);
      expect(await query({ price: { $gt: 5, $lt: 100 } })).toEqual(['i2', 'i4', 'i5']);
      expect(await query({ category: { $in: ['armor', 'weapon'] } })).toEqual(['i3', 'i4', 'i5']);
      expect(await query({ $or: [{ price: 5 }, { category: 'armor' }] })).toEqual(['i1', 'i4']);
      expect(await query({ 'stock.warehouse': 'south' })).toEqual(['i2', 'i4']);
      expect(await query({ 'stock.count': { $ne: 0 }, category: 'consumable' })).toEqual(['i1']);
      expect(await query({ name: { $regex: '^S' } })).toEqual(['i3', 'i4']);
      expect(await query({ discontinued: { $exists: true } })).toEqual([]);
    });

    it('matches array elements', async () => {
      const collection = wallets();
      await collection.insertOne(aWallet().withId('w1').withTags('gold', 'vip').build());
      await collection.insertOne(aWallet().withId('w2').withTags('silver').build());

      expect(ids(await collection.find({ tags: 'vip' }).toArray())).toEqual(['w1']);
      expect(ids(await collection.find({ tags: { $size: 1 } }).toArray())).toEqual(['w2']);
    });

    it('counts documents with and without a filter', async () => {
      const collection = await items();
      expect(await collection.countDocuments()).toBe(5);
      expect(await collection.countDocuments({ category: 'weapon' })).toBe(2);
      expect(await collection.countDocuments({ price: { $gt: 1000 } })).toBe(0);
    });
  });

  describe('sort, skip, limit and projection', () => {
    it('sorts by several keys, applied in key order', async () => {
      const collection = await items();

      const byPriceThenName = await collection.find({}, { sort: { price: -1, name: 1 } }).toArray();
      const byCategoryThenPrice = await collection
        .find({}, { sort: { category: 1, price: -1 } })
        .toArray();

      expect(ids(byPriceThenName)).toEqual(['i3', 'i5', 'i4', 'i2', 'i1']);
      expect(ids(byCategoryThenPrice)).toEqual(['i4', 'i2', 'i1', 'i3', 'i5']);
    });

    it('skips and limits after sorting', async () => {
      const collection = await items();
      const page = await collection
        .find({}, { sort: { price: 1, _id: 1 }, skip: 1, limit: 3 })
        .toArray();
      expect(ids(page)).toEqual(['i2', 'i4', 'i5']);
    });

    it('pages through ties without repeating or skipping a document', async () => {
      const collection = store.collection<Item>(freshName('items'));
      const all = Array.from({ length: 23 }, (_, n) =>
        anItem()
          .withId(`item-${String(n).padStart(2, '0')}`)
          .withPrice((n * 7) % 4)
          .build(),
      );
      for (const item of all.toReversed()) await collection.insertOne(item);
      const sort = { price: 1, _id: 1 } as const;

      const pages: string[][] = [];
      for (let skip = 0; skip < all.length; skip += 5) {
        pages.push(ids(await collection.find({}, { sort, skip, limit: 5 }).toArray()));
      }

      const expected = all
        .toSorted((left, right) => left.price - right.price || left._id.localeCompare(right._id))
        .map((item) => item._id);
      expect(pages.map((page) => page.length)).toEqual([5, 5, 5, 5, 3]);
      expect(pages.flat()).toEqual(expected);
      expect(ids(await collection.find({}, { sort, skip: 10, limit: 5 }).toArray())).toEqual(
        pages[2],
      );
    });

    it('pages by keyset on a date and _id, either way, without repeating or skipping a document', async () => {
      // The shape of the purchase and inventory pages: one owner's documents after the last one
      // seen, ties on the date broken by _id, a limit and no skip.
      const collection = wallets();
      const minute = (n: number) => new Date(Date.UTC(2024, 4, 1, 10, n));
      const anns = Array.from({ length: 11 }, (_, n) =>
        aWallet()
          .withId(`w-${String(n).padStart(2, '0')}`)
          .withOwner('ann')
          .createdAt(minute(n % 4))
          .build(),
      );
      for (const wallet of anns.toReversed()) await collection.insertOne(wallet);
      await collection.insertOne(
        aWallet().withId('w-bob').withOwner('bob').createdAt(minute(2)).build(),
      );

      for (const direction of [1, -1] as const) {
        const beyond = direction === 1 ? '$gt' : '$lt';
        const pageAfter = (last: Wallet | undefined) =>
          collection
            .find(
              last
                ? {
                    owner: 'ann',
                    $or: [
                      { createdAt: { [beyond]: last.createdAt } },
                      { createdAt: last.createdAt, _id: { [beyond]: last._id } },
                    ],
                  }
                : { owner: 'ann' },
              { sort: { createdAt: direction, _id: direction }, limit: 4 },
            )
            .toArray();

        const pages: string[][] = [];
        let last: Wallet | undefined;
        for (let page = await pageAfter(undefined); ; page = await pageAfter(last)) {
          pages.push(ids(page));
          last = page.at(-1);
          if (page.length < 4) break;
        }

        const expected = anns
          .toSorted(
            (left, right) =>
              direction *
              (left.createdAt.getTime() - right.createdAt.getTime() ||
                left._id.localeCompare(right._id)),
          )
          .map((wallet) => wallet._id);
        expect(pages.map((page) => page.length)).toEqual([4, 4, 3]);
        expect(pages.flat()).toEqual(expected);
      }
    });

    it('projects by inclusion, keeping _id unless excluded', async () => {
      const collection = await items();

      const named = await collection
        .find({ _id: 'i3' }, { projection: { name: 1, price: 1 } })
        .toArray();
      const withoutId = await collection.findOne(
        { _id: 'i3' },
        { projection: { name: 1, _id: 0 } },
      );
      const nested = await collection.findOne({ _id: 'i3' }, { projection: { 'stock.count': 1 } });

      expect(named).toEqual([{ _id: 'i3', name: 'Sword', price: 120 }]);
      expect(withoutId).toEqual({ name: 'Sword' });
      expect(nested).toEqual({ _id: 'i3', stock: { count: 2 } });
    });

    it('projects by exclusion', async () => {
      const collection = await items();
      const item = await collection.findOne(
        { _id: 'i1' },
        { projection: { stock: 0, category: 0 } },
      );
      expect(item).toEqual({ _id: 'i1', name: 'Potion', price: 5 });
    });

    it('returns the first document in sort order from findOne', async () => {
      const collection = await items();
      const cheapestWeapon = await collection.findOne(
        { category: 'weapon' },
        { sort: { price: 1 }, projection: { name: 1 } },
      );
      expect(cheapestWeapon).toEqual({ _id: 'i5', name: 'Bow' });
    });
  });

  describe('updates', () => {
    it('applies update operators and reports what changed', async () => {
      const collection = wallets();
      await collection.insertOne(aWallet().withId('w1').withBalance(50).withTags('new').build());

      const result = await collection.updateOne(
        { _id: 'w1' },
        {
          $inc: { balance: 25 },
          $push: { tags: 'vip' },
          $set: { 'profile.level': 2, owner: 'anna' },
          $unset: { slot: '' },
        },
      );

      expect(result).toEqual({
        acknowledged: true,
        matchedCount: 1,
        modifiedCount: 1,
        upsertedCount: 0,
        upsertedId: null,
      });
      const wallet = await collection.findOne({ _id: 'w1' });
      expect(wallet).toMatchObject({
        owner: 'anna',
        balance: 75,
        tags: ['new', 'vip'],
        profile: { nickname: 'annie', level: 2 },
      });
      expect(wallet).not.toHaveProperty('slot');
    });

    it('supports the other common operators', async () => {
      const collection = wallets();
      await collection.insertOne(
        aWallet().withId('w1').withBalance(10).withTags('a', 'b', 'c').build(),
      );

      await collection.updateOne(
        { _id: 'w1' },
        { $mul: { balance: 3 }, $pull: { tags: 'b' }, $addToSet: { 'profile.badges': 'early' } },
      );
      await collection.updateOne(
        { _id: 'w1' },
        { $max: { slot: 4 }, $min: { balance: 20 }, $rename: { owner: 'holder' } },
      );

      expect(await collection.findOne({ _id: 'w1' })).toMatchObject({
        holder: 'ann',
        balance: 20,
        slot: 4,
        tags: ['a', 'c'],
        profile: { badges: ['early'] },
      });
    });

    it('counts a match that changes nothing as not modified', async () => {
      const collection = wallets();
      await collection.insertOne(aWallet().withId('w1').withBalance(10).build());

      const result = await collection.updateOne({ _id: 'w1' }, { $set: { balance: 10 } });

      expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 0, upsertedCount: 0 });
    });

    it('reports no match without upsert and changes nothing', async () => {
      const collection = wallets();
      await collection.insertOne(aWallet().withId('w1').build());

      const result = await collection.updateOne({ _id: 'missing' }, { $set: { balance: 1 } });

      expect(result).toEqual({
        acknowledged: true,
        matchedCount: 0,
        modifiedCount: 0,
        upsertedCount: 0,
        upsertedId: null,
      });
      expect(await collection.countDocuments()).toBe(1);
    });

    it('updates only the first match with updateOne and every match with updateMany', async () => {
      const collection = await items();

      const one = await collection.updateOne({ category: 'weapon' }, { $inc: { price: 1 } });
      const many = await collection.updateMany({ category: 'consumable' }, { $set: { price: 1 } });
      const none = await collection.updateMany({ category: 'ring' }, { $set: { price: 1 } });

      expect(one).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
      expect(many).toMatchObject({
        matchedCount: 2,
        modifiedCount: 2,
        upsertedCount: 0,
        upsertedId: null,
      });
      expect(none).toMatchObject({ matchedCount: 0, modifiedCount: 0 });
      const prices = async (category: string): Promise<number[]> =>
        (await collection.find({ category }, { sort: { price: 1 } }).toArray()).map(
          (item) => item.price,
        );
      // Exactly one of the two weapons (80 and 120) went up by one.
      expect([
        [81, 120],
        [80, 121],
      ]).toContainEqual(await prices('weapon'));
      expect(await prices('consumable')).toEqual([1, 1]);
      expect(await prices('armor')).toEqual([80]);
    });

    it('refuses an update document without operators', async () => {
      const collection = wallets();
      await collection.insertOne(aWallet().withId('w1').build());
      await expect(collection.updateOne({ _id: 'w1' }, { balance: 5 })).rejects.toThrow();
      expect(await collection.findOne({ _id: 'w1' })).toMatchObject({ balance: 100 });
    });

    it('upserts a document built from the equality fields of the filter plus the update', async () => {
      const collection = store.collection<Document>(freshName('profiles'));

      const inserted = await collection.updateOne(
        {
          _id: 'p1',
          owner: 'zoe',
          'profile.nickname': 'z',
          level: { $eq: 3 },
          balance: { $gte: 0 },
          $and: [{ tier: 'gold' }],
        },
        {
          $set: { updatedBy: 'first' },
          $setOnInsert: { createdBy: 'upsert' },
          $inc: { logins: 1 },
        },
        { upsert: true },
      );
      const matched = await collection.updateOne(
        { _id: 'p1' },
        {
          $set: { updatedBy: 'second' },
          $setOnInsert: { createdBy: 'ignored' },
          $inc: { logins: 1 },
        },
        { upsert: true },
      );

      expect(inserted).toEqual({
        acknowledged: true,
        matchedCount: 0,
        modifiedCount: 0,
        upsertedCount: 1,
        upsertedId: 'p1',
      });
      expect(matched).toEqual({
        acknowledged: true,
        matchedCount: 1,
        modifiedCount: 1,
        upsertedCount: 0,
        upsertedId: null,
      });
      expect(await collection.findOne({ _id: 'p1' })).toEqual({
        _id: 'p1',
        owner: 'zoe',
        profile: { nickname: 'z' },
        level: 3,
        tier: 'gold',
        updatedBy: 'second',
        createdBy: 'upsert',
        logins: 2,
      });
    });

    it('upserts with updateMany too, inserting one document', async () => {
      const collection = store.collection<Document>(freshName('flags'));
      const result = await collection.updateMany(
        { _id: 'f1' },
        { $set: { on: true } },
        { upsert: true },
      );
      expect(result).toMatchObject({ matchedCount: 0, upsertedCount: 1, upsertedId: 'f1' });
      expect(await collection.find({}).toArray()).toEqual([{ _id: 'f1', on: true }]);
    });

    it('returns the document before or after the update from findOneAndUpdate', async () => {
      const collection = wallets();
      await collection.insertOne(aWallet().withId('w1').withBalance(10).build());

      const before = await collection.findOneAndUpdate({ _id: 'w1' }, { $inc: { balance: 5 } });
      const explicitBefore = await collection.findOneAndUpdate(
        { _id: 'w1' },
        { $inc: { balance: 5 } },
        { returnDocument: 'before' },
      );
      const after = await collection.findOneAndUpdate(
        { _id: 'w1' },
        { $inc: { balance: 5 } },
        { returnDocument: 'after', projection: { balance: 1 } },
      );
      const missing = await collection.findOneAndUpdate({ _id: 'nope' }, { $inc: { balance: 5 } });

      expect(before).toMatchObject({ _id: 'w1', balance: 10, owner: 'ann' });
      expect(explicitBefore).toMatchObject({ balance: 15 });
      expect(after).toEqual({ _id: 'w1', balance: 25 });
      expect(missing).toBeNull();
    });

    it('updates the first document in sort order with findOneAndUpdate', async () => {
      const collection = await items();
      const claimed = await collection.findOneAndUpdate(
        { category: 'weapon' },
        { $set: { category: 'claimed' } },
        { sort: { price: -1 }, returnDocument: 'after' },
      );
      expect(claimed).toMatchObject({ _id: 'i3', category: 'claimed' });
      expect(await collection.countDocuments({ category: 'weapon' })).toBe(1);
    });

    it('upserts with findOneAndUpdate: null before, the new document after', async () => {
      const collection = wallets();

      const before = await collection.findOneAndUpdate(
        { _id: 'w1', owner: 'kim' },
        { $setOnInsert: { balance: 0 }, $inc: { slot: 1 } },
        { upsert: true },
      );
      const after = await collection.findOneAndUpdate(
        { _id: 'w2', owner: 'lea' },
        { $setOnInsert: { balance: 0 }, $inc: { slot: 1 } },
        { upsert: true, returnDocument: 'after' },
      );

      expect(before).toBeNull();
      expect(await collection.findOne({ _id: 'w1' })).toEqual({
        _id: 'w1',
        owner: 'kim',
        balance: 0,
        slot: 1,
      });
      expect(after).toEqual({ _id: 'w2', owner: 'lea', balance: 0, slot: 1 });
    });

    it('never drives a guarded balance below zero under concurrent conditional updates', async () => {
      const collection = wallets();
      await collection.insertOne(aWallet().withId('w1').withBalance(100).build());

      const results = await Promise.all(
        Array.from({ length: 25 }, () =>
          collection.updateOne({ _id: 'w1', balance: { $gte: 10 } }, { $inc: { balance: -10 } }),
        ),
      );

      expect(results.filter((result) => result.modifiedCount === 1)).toHaveLength(10);
      expect(results.filter((result) => result.matchedCount === 0)).toHaveLength(15);
      expect(await collection.findOne({ _id: 'w1' })).toMatchObject({ balance: 0 });
    });
  });

  describe('deletes', () => {
    it('deletes the first match with deleteOne and every match with deleteMany', async () => {
      const collection = await items();

      const one = await collection.deleteOne({ category: 'weapon' });
      const many = await collection.deleteMany({ category: 'consumable' });
      const none = await collection.deleteMany({ category: 'ring' });

      expect(one).toEqual({ acknowledged: true, deletedCount: 1 });
      expect(many).toEqual({ acknowledged: true, deletedCount: 2 });
      expect(none).toEqual({ acknowledged: true, deletedCount: 0 });
      expect(await collection.countDocuments({ category: 'weapon' })).toBe(1);
      expect(await collection.countDocuments()).toBe(2);
    });
  });

  describe('unique indexes', () => {
    it('names an index after its keys, and accepts creating it twice', async () => {
      const collection = wallets();
      expect(await collection.createIndex({ owner: 1 }, { unique: true })).toBe('owner_1');
      expect(await collection.createIndex({ owner: 1 }, { unique: true })).toBe('owner_1');
      expect(await collection.createIndex({ owner: 1, slot: -1 })).toBe('owner_1_slot_-1');
      expect(await collection.createIndex({ createdAt: 1 }, { name: 'by_creation' })).toBe(
        'by_creation',
      );
    });

    it('refuses an insert that repeats a unique key, naming the index', async () => {
      const collection = wallets();
      await collection.createIndex({ owner: 1 }, { unique: true });
      await collection.insertOne(aWallet().withId('w1').withOwner('ann').build());

      const error = await captureError(
        collection.insertOne(aWallet().withId('w2').withOwner('ann').build()),
      );

      expect(isDuplicateKeyError(error)).toBe(true);
      expect((error as Error).message).toContain('owner_1');
      await collection.insertOne(aWallet().withId('w3').withOwner('bob').build());
      expect(ids(await collection.find({}, { sort: { _id: 1 } }).toArray())).toEqual(['w1', 'w3']);
    });

    it('enforces a compound unique index on the combination only', async () => {
      const collection = wallets();
      await collection.createIndex({ owner: 1, slot: 1 }, { unique: true, name: 'owner_slot' });
      await collection.insertOne(aWallet().withId('w1').withOwner('ann').inSlot(1).build());
      await collection.insertOne(aWallet().withId('w2').withOwner('ann').inSlot(2).build());
      await collection.insertOne(aWallet().withId('w3').withOwner('bob').inSlot(1).build());

      const error = await captureError(
        collection.insertOne(aWallet().withId('w4').withOwner('bob').inSlot(1).build()),
      );

      expect(isDuplicateKeyError(error)).toBe(true);
      expect((error as Error).message).toContain('owner_slot');
      expect(await collection.countDocuments()).toBe(3);
    });

    it('refuses an update that would repeat a unique key, leaving the document as it was', async () => {
      const collection = wallets();
      await collection.createIndex({ owner: 1, slot: 1 }, { unique: true });
      await collection.insertOne(aWallet().withId('w1').withOwner('ann').inSlot(1).build());
      await collection.insertOne(aWallet().withId('w2').withOwner('ann').inSlot(2).build());

      const error = await captureError(collection.updateOne({ _id: 'w2' }, { $set: { slot: 1 } }));
      const moved = await collection.updateOne({ _id: 'w2' }, { $set: { slot: 3 } });

      expect(isDuplicateKeyError(error)).toBe(true);
      expect(moved.modifiedCount).toBe(1);
      expect(await collection.findOne({ _id: 'w2' })).toMatchObject({ slot: 3 });
    });

    it('refuses an upsert whose new document would repeat a unique key', async () => {
      const collection = wallets();
      await collection.createIndex({ owner: 1 }, { unique: true });
      await collection.insertOne(aWallet().withId('w1').withOwner('ann').withBalance(5).build());

      const secondary = await captureError(
        collection.updateOne(
          { owner: 'ann', balance: 999 },
          { $set: { slot: 9 } },
          { upsert: true },
        ),
      );
      const primary = await captureError(
        collection.findOneAndUpdate(
          { _id: 'w1', balance: { $gte: 10 } },
          { $inc: { balance: -10 } },
          { upsert: true },
        ),
      );

      expect(isDuplicateKeyError(secondary)).toBe(true);
      expect(isDuplicateKeyError(primary)).toBe(true);
      expect(await collection.find({}).toArray()).toEqual([
        aWallet().withId('w1').withOwner('ann').withBalance(5).build(),
      ]);
    });

    it('refuses to create a unique index over documents that already repeat the key', async () => {
      const collection = wallets();
      await collection.insertOne(aWallet().withId('w1').withOwner('ann').build());
      await collection.insertOne(aWallet().withId('w2').withOwner('ann').build());

      const error = await captureError(collection.createIndex({ owner: 1 }, { unique: true }));

      expect(isDuplicateKeyError(error)).toBe(true);
      await collection.insertOne(aWallet().withId('w3').withOwner('ann').build());
      expect(await collection.countDocuments({ owner: 'ann' })).toBe(3);
    });

    it('tells duplicate-key errors apart from other failures', async () => {
      const collection = wallets();
      const invalid = await captureError(collection.find({ balance: { $bogus: 1 } }).toArray());

      expect(isDuplicateKeyError(invalid)).toBe(false);
      expect(isDuplicateKeyError(new Error('E11000'))).toBe(false);
      expect(isDuplicateKeyError(null)).toBe(false);
      expect(isDuplicateKeyError({ code: 11000 })).toBe(true);
    });
  });

  describe('transactions', () => {
    it('commits every write made with the session and returns what the work returns', async () => {
      const collection = wallets();
      await collection.insertOne(aWallet().withId('kept').withBalance(10).build());
      await collection.insertOne(aWallet().withId('doomed').build());

      const returned = await store.withTransaction(async (session) => {
        await collection.insertOne(aWallet().withId('added').build(), { session });
        await collection.updateOne({ _id: 'kept' }, { $inc: { balance: 5 } }, { session });
        await collection.deleteOne({ _id: 'doomed' }, { session });
        const seen = await collection.find({}, { session, sort: { _id: 1 } }).toArray();
        return ids(seen);
      });

      expect(returned).toEqual(['added', 'kept']);
      expect(ids(await collection.find({}, { sort: { _id: 1 } }).toArray())).toEqual([
        'added',
        'kept',
      ]);
      expect(await collection.findOne({ _id: 'kept' })).toMatchObject({ balance: 15 });
    });

    it('rolls back every write when the work throws, and rethrows its error', async () => {
      const collection = wallets();
      await collection.createIndex({ owner: 1 }, { unique: true });
      await collection.insertOne(aWallet().withId('kept').withOwner('ann').withBalance(10).build());
      await collection.insertOne(aWallet().withId('spared').withOwner('bob').build());
      const failure = new Error('work failed');

      const error = await captureError(
        store.withTransaction(async (session) => {
          await collection.insertOne(aWallet().withId('added').withOwner('cat').build(), {
            session,
          });
          await collection.updateOne(
            { _id: 'kept' },
            { $inc: { balance: 90 }, $set: { owner: 'dan' } },
            { session },
          );
          await collection.deleteOne({ _id: 'spared' }, { session });
          await collection.findOneAndUpdate(
            { _id: 'upserted' },
            { $set: { owner: 'eve' } },
            { session, upsert: true },
          );
          throw failure;
        }),
      );

      expect(error).toBe(failure);
      expect(await collection.find({}, { sort: { _id: 1 } }).toArray()).toEqual([
        aWallet().withId('kept').withOwner('ann').withBalance(10).build(),
        aWallet().withId('spared').withOwner('bob').build(),
      ]);
      // The unique index forgot the rolled-back keys and still holds the restored ones.
      await collection.insertOne(aWallet().withId('cat').withOwner('cat').build());
      await collection.insertOne(aWallet().withId('dan').withOwner('dan').build());
      expect(
        isDuplicateKeyError(
          await captureError(collection.insertOne(aWallet().withId('x').build())),
        ),
      ).toBe(true);
    });

    it('aborts on a duplicate key inside the transaction, undoing earlier writes', async () => {
      const collection = wallets();
      await collection.insertOne(aWallet().withId('w1').build());

      const error = await captureError(
        store.withTransaction(async (session) => {
          await collection.insertOne(aWallet().withId('w2').build(), { session });
          await collection.insertOne(aWallet().withId('w1').build(), { session });
        }),
      );

      expect(isDuplicateKeyError(error)).toBe(true);
      expect(ids(await collection.find({}).toArray())).toEqual(['w1']);
    });

    it('keeps uncommitted writes from readers outside the transaction', async () => {
      const collection = wallets();
      await collection.insertOne(aWallet().withId('committed').withBalance(10).build());
      const written = deferred();
      const release = deferred();

      const transaction = store.withTransaction(async (session) => {
        await collection.insertOne(aWallet().withId('uncommitted').build(), { session });
        await collection.updateOne({ _id: 'committed' }, { $set: { balance: 0 } }, { session });
        written.resolve();
        await release.promise;
        throw new Error('roll back');
      });
      await written.promise;
      // Issued while the transaction is open; whenever they run, they must not see its writes.
      const outsideRead = collection.findOne({ _id: 'uncommitted' });
      const outsideList = collection.find({}).toArray();
      release.resolve();

      await expect(transaction).rejects.toThrow('roll back');
      expect(await outsideRead).toBeNull();
      expect(await outsideList).toEqual([aWallet().withId('committed').withBalance(10).build()]);
    });

    it('refuses a session once its transaction has ended', async () => {
      const collection = wallets();
      const leaked = await store.withTransaction(async (session): Promise<StoreSession> => {
        await collection.insertOne(aWallet().withId('w1').build(), { session });
        return session;
      });

      await expect(
        collection.insertOne(aWallet().withId('w2').build(), { session: leaked }),
      ).rejects.toThrow();
      await expect(collection.findOne({}, { session: leaked })).rejects.toThrow();
      expect(await collection.countDocuments()).toBe(1);
    });

    it('serializes concurrent read-modify-write transactions without losing an update', async () => {
      const counters = store.collection<Counter>(freshName('counters'));
      await counters.insertOne({ _id: 'hits', count: 0 });
      const writers = 20;

      await Promise.all(
        Array.from({ length: writers }, () =>
          store.withTransaction(async (session) => {
            const current = await counters.findOne({ _id: 'hits' }, { session });
            await yieldToOthers();
            await counters.updateOne(
              { _id: 'hits' },
              { $set: { count: (current?.count ?? 0) + 1 } },
              { session },
            );
          }),
        ),
      );

      expect(await counters.findOne({ _id: 'hits' })).toEqual({ _id: 'hits', count: writers });
    });
  });

  describe.runIf(engine.durable)('durability', () => {
    it('keeps committed writes and indexes across close and reopen, and not rolled-back ones', async () => {
      const database = uniqueDatabase();
      const first = await engine.openStore(database);
      const before = first.collection<Wallet>('wallets');
      await before.createIndex({ owner: 1 }, { unique: true });
      await before.insertOne(aWallet().withId('single').withOwner('ann').withBalance(100).build());
      await first.withTransaction(async (session) => {
        await before.insertOne(aWallet().withId('committed').withOwner('bob').build(), { session });
        await before.updateOne({ _id: 'single' }, { $inc: { balance: 5 } }, { session });
      });
      await expect(
        first.withTransaction(async (session) => {
          await before.insertOne(aWallet().withId('rolled-back').withOwner('cat').build(), {
            session,
          });
          await before.updateOne({ _id: 'single' }, { $inc: { balance: 1000 } }, { session });
          throw new Error('abandon');
        }),
      ).rejects.toThrow('abandon');
      await before.deleteOne({ _id: 'committed' });
      await before.updateOne({ _id: 'single' }, { $push: { tags: 'survivor' } });
      await first.close();

      const second = await engine.openStore(database);
      try {
        const after = second.collection<Wallet>('wallets');
        const survivors = await after.find({}).toArray();
        expect(survivors).toEqual([
          aWallet().withId('single').withOwner('ann').withBalance(105).withTags('survivor').build(),
        ]);
        expect(survivors[0]?.createdAt).toBeInstanceOf(Date);
        const duplicate = await captureError(
          after.insertOne(aWallet().withId('again').withOwner('ann').build()),
        );
        expect(isDuplicateKeyError(duplicate)).toBe(true);
      } finally {
        await second.close();
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Engines
// ---------------------------------------------------------------------------------------------

describe('embedded engine, in memory', () => {
  documentStoreContract({
    engine: 'embedded',
    durable: false,
    openStore: async (database) => new EmbeddedStore({ database }),
    cleanUp: async () => {},
  });
});

describe('embedded engine, journaled to a data directory', () => {
  let dataDir = '';
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'chassis-store-'));
  });

  documentStoreContract({
    engine: 'embedded',
    durable: true,
    openStore: async (database) => new EmbeddedStore({ database, dataDir }),
    cleanUp: () => rm(dataDir, { recursive: true, force: true }),
  });
});

// No MongoDB server can be installed on the build machines: this run needs MONGODB_URL pointing
// at a replica set (transactions require one), e.g. the `mongo` service container in CI.
const mongodbUrl = process.env['MONGODB_URL'];

describe.runIf(mongodbUrl !== undefined && mongodbUrl !== '')('mongodb engine', () => {
  const url = mongodbUrl ?? '';
  const databases = new Set<string>();

  documentStoreContract({
    engine: 'mongodb',
    durable: true,
    openStore: async (database) => {
      databases.add(database);
      return MongoStore.connect(url, database);
    },
    cleanUp: async () => {
      const client = await MongoClient.connect(url);
      try {
        for (const database of databases) await client.db(database).dropDatabase();
      } finally {
        await client.close();
      }
    },
  });

  it('is what createStore opens when a MongoDB URL is given', async () => {
    const database = uniqueDatabase();
    databases.add(database);
    const store = await createStore({ mongodbUrl: url, database });
    try {
      expect(store.engine).toBe('mongodb');
      await expect(store.ping()).resolves.toBeUndefined();
    } finally {
      await store.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// What only the embedded engine has to say: its journal, and its single-lock isolation
// ---------------------------------------------------------------------------------------------

describe('embedded engine specifics', () => {
  let dataDir = '';
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'chassis-store-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const journalOf = (database: string): string => join(dataDir, `${database}.journal`);

  it('is what createStore opens without a MongoDB URL, journaled when given a data directory', async () => {
    const database = uniqueDatabase();
    const first = await createStore({ database, dataDir, mongodbUrl: undefined });
    await first.collection<Counter>('counters').insertOne({ _id: 'c', count: 1 });
    await first.close();

    const second = await createStore({ database, dataDir });
    expect(second.engine).toBe('embedded');
    expect(await second.collection<Counter>('counters').findOne({ _id: 'c' })).toEqual({
      _id: 'c',
      count: 1,
    });
    await second.close();
    expect((await createStore({ database: uniqueDatabase() })).engine).toBe('embedded');
  });

  it('ignores a line torn by a crash mid-append, and keeps appending after it', async () => {
    const database = uniqueDatabase();
    const first = new EmbeddedStore({ database, dataDir });
    await first.collection<Counter>('counters').insertOne({ _id: 'a', count: 1 });
    await first.close();
    await appendFile(
      journalOf(database),
      '[{"op":"put","collection":"counters","document":{"_id":"b"',
    );

    const second = new EmbeddedStore({ database, dataDir });
    await second.collection<Counter>('counters').insertOne({ _id: 'c', count: 3 });
    await second.close();
    const third = new EmbeddedStore({ database, dataDir });

    expect(ids(await third.collection<Counter>('counters').find({}).toArray())).toEqual(['a', 'c']);
    await third.close();

    function ids(documents: Document[]): string[] {
      return documents.map((document) => document._id);
    }
  });

  it('refuses to open a journal damaged before its last line', async () => {
    const database = uniqueDatabase();
    const first = new EmbeddedStore({ database, dataDir });
    await first.collection<Counter>('counters').insertOne({ _id: 'a', count: 1 });
    await first.collection<Counter>('counters').insertOne({ _id: 'b', count: 2 });
    await first.close();
    const lines = (await readFile(journalOf(database), 'utf8')).split('\n');
    await writeFile(journalOf(database), ['{not json', ...lines.slice(1)].join('\n'));

    expect(() => new EmbeddedStore({ database, dataDir })).toThrow(/damaged at line 1/);
  });

  it('makes an operation outside the open transaction wait for its commit', async () => {
    const store = new EmbeddedStore({ database: uniqueDatabase() });
    const counters = store.collection<Counter>('counters');
    await counters.insertOne({ _id: 'c', count: 0 });
    const updated = deferred();
    const release = deferred();

    const transaction = store.withTransaction(async (session) => {
      await counters.updateOne({ _id: 'c' }, { $inc: { count: 1 } }, { session });
      updated.resolve();
      await release.promise;
      await counters.updateOne({ _id: 'c' }, { $inc: { count: 1 } }, { session });
    });
    await updated.promise;
    const outside = counters.findOne({ _id: 'c' });
    release.resolve();

    await transaction;
    expect(await outside).toEqual({ _id: 'c', count: 2 });
    await store.close();
  });

  it('rejects, rather than deadlocks, a call without the session from inside the transaction', async () => {
    const store = new EmbeddedStore({ database: uniqueDatabase() });
    const counters = store.collection<Counter>('counters');

    const error = await captureError(
      store.withTransaction(async (session) => {
        await counters.insertOne({ _id: 'inside', count: 1 }, { session });
        await counters.insertOne({ _id: 'forgot-session', count: 1 });
      }),
    );

    expect((error as Error).message).toMatch(/without \{ session \}/);
    expect(await counters.countDocuments()).toBe(0);
    await store.close();
  });

  it('aborts a transaction whose operation failed, even if the work caught the error', async () => {
    const store = new EmbeddedStore({ database: uniqueDatabase() });
    const counters = store.collection<Counter>('counters');
    await counters.insertOne({ _id: 'taken', count: 0 });

    const error = await captureError(
      store.withTransaction(async (session) => {
        await counters.insertOne({ _id: 'new', count: 1 }, { session });
        await counters.insertOne({ _id: 'taken', count: 1 }, { session }).catch(() => undefined);
      }),
    );

    expect(isDuplicateKeyError(error)).toBe(true);
    expect(await counters.countDocuments()).toBe(1);
    await store.close();
  });

  it('refuses a session from another store', async () => {
    const owner = new EmbeddedStore({ database: uniqueDatabase() });
    const other = new EmbeddedStore({ database: uniqueDatabase() });

    const error = await captureError(
      owner.withTransaction((session) =>
        other.collection<Counter>('counters').insertOne({ _id: 'x', count: 0 }, { session }),
      ),
    );

    expect((error as Error).message).toMatch(/another store/);
    await owner.close();
    await other.close();
  });
});
