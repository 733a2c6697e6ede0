import { EmbeddedStore, type FindOptions, type Viewer } from '@play-economy/chassis';
import { recordingFinds } from '@play-economy/chassis/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Purchase } from '../../src/domain/Purchase.ts';
import { MongoPurchaseRepository } from '../../src/infrastructure/MongoPurchaseRepository.ts';
import { aTrading, failureOf } from '../support/aTrading.ts';

afterEach(() => {
  vi.useRealTimers();
});

/** Purchases by one buyer, accepted at the given minutes (equal minutes tie on `createdAt`). */
async function purchasesAt(minutes: readonly number[]) {
  const trading = await aTrading();
  await trading.sells('potion', 1);
  const buyer = trading.player();
  // Only `Date` is faked: the store's own scheduling keeps running.
  vi.useFakeTimers({ toFake: ['Date'] });
  const placed: Purchase[] = [];
  for (const [n, minute] of minutes.entries()) {
    vi.setSystemTime(new Date(Date.UTC(2026, 0, 1, 12, minute)));
    placed.push(
      await trading.useCases.requestPurchase.execute(buyer, {
        itemId: 'potion',
        quantity: 1,
        idempotencyKey: `order-${n}`,
      }),
    );
  }
  vi.useRealTimers();
  const newestFirst = placed
    .toSorted(
      (left, right) =>
        right.createdAt.getTime() - left.createdAt.getTime() || (right.id < left.id ? -1 : 1),
    )
    .map((purchase) => purchase.id);
  const list = (page: { first: number; after?: string }, viewer: Viewer | null = buyer) =>
    trading.useCases.listPurchases.execute(viewer, buyer.userId, page);
  return { trading, buyer, newestFirst, list };
}

const idsOf = (purchases: readonly Purchase[]) => purchases.map((purchase) => purchase.id);

describe('ListPurchases pages', () => {
  it('reads newest first, ties by id, each page resuming after the id of the last one', async () => {
    const { newestFirst, list } = await purchasesAt([0, 1, 1, 2, 3, 3, 3]);

    const first = await list({ first: 3 });
    const second = await list({ first: 3, after: first.at(-1)!.id });
    const third = await list({ first: 3, after: second.at(-1)!.id });

    expect([first, second, third].map((page) => page.length)).toEqual([3, 3, 1]);
    expect([...idsOf(first), ...idsOf(second), ...idsOf(third)]).toEqual(newestFirst);
    expect(await list({ first: 3, after: third.at(-1)!.id })).toEqual([]);
  });

  it('keeps the next page where it was when a purchase is accepted meanwhile', async () => {
    const { trading, buyer, newestFirst, list } = await purchasesAt([0, 1, 2, 3]);
    const first = await list({ first: 2 });
    await trading.useCases.requestPurchase.execute(buyer, {
      itemId: 'potion',
      quantity: 1,
      idempotencyKey: 'meanwhile',
    });
    expect(idsOf(await list({ first: 2, after: first.at(-1)!.id }))).toEqual(
      newestFirst.slice(2, 4),
    );
  });

  it('answers an empty page for first: 0 and takes up to 100', async () => {
    const { newestFirst, list } = await purchasesAt([0, 1, 2]);
    expect(await list({ first: 0 })).toEqual([]);
    expect(idsOf(await list({ first: 100 }))).toEqual(newestFirst);
  });

  it.each([101, -1, 2.5])('refuses first: %d with BAD_USER_INPUT naming first', async (first) => {
    const { list } = await purchasesAt([0]);
    expect(await failureOf(list({ first }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
      message: 'first must be a whole number from 0 to 100',
    });
  });

  it("refuses as after an unknown id or another user's purchase, with BAD_USER_INPUT", async () => {
    const { trading, list } = await purchasesAt([0]);
    const someoneElse = trading.player();
    const theirs = await trading.useCases.requestPurchase.execute(someoneElse, {
      itemId: 'potion',
      quantity: 1,
      idempotencyKey: 'theirs',
    });
    for (const after of ['no-such-purchase', theirs.id]) {
      expect(await failureOf(list({ first: 10, after }, trading.admin()))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
    }
  });

  it('reads for the user themself or an admin only', async () => {
    const { trading, list } = await purchasesAt([0, 1]);
    expect(await list({ first: 10 }, trading.admin())).toHaveLength(2);
    expect(await failureOf(list({ first: 10 }, trading.player()))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await failureOf(list({ first: 10 }, null))).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });
});

describe('MongoPurchaseRepository.listByUser', () => {
  it('asks the store for one page, never for every purchase of the user', async () => {
    const store = new EmbeddedStore({ database: 'trading-pages' });
    const finds: FindOptions[] = [];
    const repository = await MongoPurchaseRepository.create(recordingFinds(store, finds));
    await store.withTransaction(async (session) => {
      for (let n = 0; n < 5; n++) {
        const fields = { userId: 'u', itemId: 'potion', quantity: 1, unitPrice: 1 };
        const purchase = Purchase.accept(
          { ...fields, idempotencyKey: `k-${n}` },
          `p-${n}`,
          new Date(Date.UTC(2026, 0, 1, 12, n)),
        );
        await repository.insert(purchase, session);
      }
    });

    const page = await repository.listByUser('u', { first: 2 });

    expect(idsOf(page)).toEqual(['p-4', 'p-3']);
    expect(finds).toEqual([{ sort: { createdAt: -1, _id: -1 }, limit: 2 }]);
  });
});
