import { EmbeddedStore, type FindOptions, type Viewer } from '@play-economy/chassis';
import { recordingFinds } from '@play-economy/chassis/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InventoryEntry, type InventoryEntryState } from '../../src/domain/InventoryEntry.ts';
import { MongoInventoryRepository } from '../../src/infrastructure/MongoInventoryRepository.ts';
import {
  ADMIN,
  anInventory,
  aPlayerViewer,
  failureOf,
  purchaseCommand,
} from '../support/anInventory.ts';

afterEach(() => {
  vi.useRealTimers();
});

/**
 * Alice's inventory with one entry per item, each first granted at the given minute (equal
 * minutes tie on `acquiredAt`).
 */
async function grantedAt(acquisitions: Readonly<Record<string, number>>) {
  const inventory = await anInventory();
  // Only `Date` is faked: the store's own scheduling keeps running.
  vi.useFakeTimers({ toFake: ['Date'] });
  for (const [itemId, minute] of Object.entries(acquisitions)) {
    await inventory.knowItem(itemId);
    vi.setSystemTime(new Date(Date.UTC(2026, 0, 1, 12, minute)));
    await inventory.useCases.grantItems.execute(ADMIN, 'alice', itemId, 1);
  }
  vi.useRealTimers();
  const read = (page: { first: number; after?: string }, viewer: Viewer | null = ADMIN) =>
    inventory.useCases.getInventory.execute(viewer, 'alice', page);
  return { inventory, read };
}

const itemsOf = (entries: readonly InventoryEntryState[]) => entries.map((entry) => entry.itemId);

describe('GetInventory pages', () => {
  it('reads oldest acquisition first, ties by item id, each page resuming after the last item', async () => {
    const { read } = await grantedAt({ tent: 2, potion: 0, ether: 1, antidote: 1, elixir: 2 });

    const first = await read({ first: 2 });
    const second = await read({ first: 2, after: first.at(-1)!.itemId });
    const third = await read({ first: 2, after: second.at(-1)!.itemId });

    expect([first, second, third].map(itemsOf)).toEqual([
      ['potion', 'antidote'],
      ['ether', 'elixir'],
      ['tent'],
    ]);
    expect(await read({ first: 2, after: 'tent' })).toEqual([]);
  });

  it('fills a page past entries of items deleted from the catalog', async () => {
    const { inventory, read } = await grantedAt({ a: 0, b: 1, c: 2, d: 3, e: 4 });
    await inventory.forgetItem('b', 2);
    await inventory.forgetItem('c', 2);

    const first = await read({ first: 2 });
    expect(itemsOf(first)).toEqual(['a', 'd']);
    expect(itemsOf(await read({ first: 2, after: 'd' }))).toEqual(['e']);
    // A deleted item's entry still marks a place to resume from.
    expect(itemsOf(await read({ first: 5, after: 'b' }))).toEqual(['d', 'e']);
  });

  it('leaves out an entry taken back to 0, whose item still marks a place to resume from', async () => {
    const { inventory, read } = await grantedAt({ a: 0, b: 1, c: 2 });
    await inventory.subtractItems.handle(
      purchaseCommand('subtract_items', {
        purchaseId: 'p-1',
        userId: 'alice',
        itemId: 'b',
        quantity: 1,
      }),
    );
    expect(itemsOf(await read({ first: 2 }))).toEqual(['a', 'c']);
    expect(itemsOf(await read({ first: 2, after: 'b' }))).toEqual(['c']);
  });

  it('answers an empty page for first: 0 and takes up to 100', async () => {
    const { read } = await grantedAt({ a: 0, b: 1 });
    expect(await read({ first: 0 })).toEqual([]);
    expect(itemsOf(await read({ first: 100 }))).toEqual(['a', 'b']);
  });

  it.each([101, -1, 2.5])('refuses first: %d with BAD_USER_INPUT naming first', async (first) => {
    const { read } = await grantedAt({ a: 0 });
    expect(await failureOf(read({ first }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
      message: 'first must be a whole number from 0 to 100',
    });
  });

  it('refuses as after an item this user never had, with BAD_USER_INPUT naming after', async () => {
    const { inventory, read } = await grantedAt({ a: 0 });
    await inventory.knowItem('bobs');
    await inventory.useCases.grantItems.execute(ADMIN, 'bob', 'bobs', 1);
    for (const after of ['never-heard-of', 'bobs']) {
      expect(await failureOf(read({ first: 10, after }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
    }
  });

  it('reads for the user themself or an admin only', async () => {
    const { read } = await grantedAt({ a: 0 });
    expect(itemsOf(await read({ first: 10 }, aPlayerViewer('alice')))).toEqual(['a']);
    expect((await failureOf(read({ first: 10 }, aPlayerViewer('bob')))).code).toBe('FORBIDDEN');
    expect((await failureOf(read({ first: 10 }, null))).code).toBe('UNAUTHENTICATED');
  });
});

describe('MongoInventoryRepository.findByUser', () => {
  it("asks the store for one page, never for every entry of the user's", async () => {
    const store = new EmbeddedStore({ database: 'inventory-pages' });
    const finds: FindOptions[] = [];
    const repository = await MongoInventoryRepository.create(recordingFinds(store, finds));
    await store.withTransaction(async (session) => {
      for (let n = 0; n < 5; n++) {
        const acquiredAt = new Date(Date.UTC(2026, 0, 1, 12, n));
        const grant = InventoryEntry.of('alice', `item-${n}`).grant(1);
        await repository.apply(grant, acquiredAt, session);
      }
    });

    const page = await repository.findByUser('alice', { first: 2 });

    expect(itemsOf(page)).toEqual(['item-0', 'item-1']);
    expect(finds).toEqual([{ sort: { acquiredAt: 1, itemId: 1 }, limit: 2 }]);
  });
});
