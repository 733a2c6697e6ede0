import { createMessage } from '@play-economy/chassis/domain';
import { describe, expect, it } from 'vitest';
import { aTrading, failureOf } from '../support/aTrading.ts';

const request = (
  fields: Partial<{ itemId: string; quantity: number; idempotencyKey: string }> = {},
) => ({
  itemId: 'potion',
  quantity: 2,
  idempotencyKey: 'k-1',
  ...fields,
});

describe('RequestPurchase', () => {
  it('records the purchase ACCEPTED, priced from the copy, with grant_items and updated', async () => {
    const trading = await aTrading();
    await trading.sells('potion', 30);
    const buyer = trading.player();
    const purchase = await trading.useCases.requestPurchase.execute(
      buyer,
      request({ quantity: 3 }),
    );
    expect(purchase).toMatchObject({ state: 'ACCEPTED', total: 90, userId: buyer.userId });
    expect((await trading.published()).map((message) => message.type)).toEqual([
      'trading.purchase.grant_items',
      'trading.purchase.updated',
    ]);
    expect(await trading.useCases.getPurchase.execute(buyer, purchase.id)).toMatchObject({
      id: purchase.id,
      total: 90,
    });
  });

  it('records its messages once when the store runs its transaction again', async () => {
    const trading = await aTrading({ rerunTransactions: true });
    await trading.sells('potion', 30);
    const purchase = await trading.useCases.requestPurchase.execute(trading.player(), request());
    const published = await trading.published();
    expect(published.map((message) => message.type)).toEqual([
      'trading.purchase.grant_items',
      'trading.purchase.updated',
    ]);
    expect(published[0]?.payload).toMatchObject({ purchaseId: purchase.id });
  });

  it('refuses an anonymous caller', async () => {
    const trading = await aTrading();
    await trading.sells('potion', 30);
    expect(
      await failureOf(trading.useCases.requestPurchase.execute(null, request())),
    ).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it.each([
    [{ quantity: 0 }, 'quantity'],
    [{ quantity: 101 }, 'quantity'],
    [{ idempotencyKey: '' }, 'idempotencyKey'],
    [{ idempotencyKey: 'x'.repeat(101) }, 'idempotencyKey'],
  ])('is BAD_USER_INPUT for %j', async (fields, field) => {
    const trading = await aTrading();
    await trading.sells('potion', 30);
    const failure = await failureOf(
      trading.useCases.requestPurchase.execute(trading.player(), request(fields)),
    );
    expect(failure).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await trading.published()).toEqual([]);
  });

  it('is NOT_FOUND for an item trading does not sell, recording nothing', async () => {
    const trading = await aTrading();
    const buyer = trading.player();
    const failure = await failureOf(
      trading.useCases.requestPurchase.execute(buyer, request({ itemId: 'nothing' })),
    );
    expect(failure).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await trading.useCases.listPurchases.execute(buyer, buyer.userId, { first: 50 }),
    ).toEqual([]);
    expect(await trading.published()).toEqual([]);
  });

  it('is NOT_FOUND for a deleted item', async () => {
    const trading = await aTrading();
    await trading.sells('potion', 30);
    await trading.deliver(createMessage('catalog.item.deleted', { id: 'potion', version: 2 }));
    const failure = await failureOf(
      trading.useCases.requestPurchase.execute(trading.player(), request()),
    );
    expect(failure).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('returns the same purchase for the same key, and CONFLICT for the key reused otherwise', async () => {
    const trading = await aTrading();
    await trading.sells('potion', 30);
    await trading.sells('ether', 50);
    const buyer = trading.player();
    const requestPurchase = trading.useCases.requestPurchase;
    const first = await requestPurchase.execute(buyer, request());
    const again = await requestPurchase.execute(buyer, request());
    expect(again.id).toBe(first.id);
    expect(await failureOf(requestPurchase.execute(buyer, request({ quantity: 3 })))).toMatchObject(
      { code: 'CONFLICT', field: 'idempotencyKey' },
    );
    expect(
      await failureOf(requestPurchase.execute(buyer, request({ itemId: 'ether' }))),
    ).toMatchObject({ code: 'CONFLICT' });
    // Another player's identical key is theirs alone.
    const other = await requestPurchase.execute(trading.player(), request());
    expect(other.id).not.toBe(first.id);
    expect(await trading.published('trading.purchase.grant_items')).toHaveLength(2);
  });

  it('makes one purchase of many concurrent requests with one key', async () => {
    const trading = await aTrading();
    await trading.sells('potion', 30);
    const buyer = trading.player();
    const purchases = await Promise.all(
      Array.from({ length: 10 }, () => trading.useCases.requestPurchase.execute(buyer, request())),
    );
    expect(new Set(purchases.map((purchase) => purchase.id)).size).toBe(1);
    expect(await trading.published('trading.purchase.grant_items')).toHaveLength(1);
  });

  it('prices with the newest catalog version, whatever order the events arrive in', async () => {
    const trading = await aTrading();
    const changed = (price: number, version: number) =>
      createMessage('catalog.item.updated', {
        id: 'potion',
        name: 'Potion',
        description: '',
        price,
        version,
      });
    await trading.deliver(changed(45, 3));
    await trading.deliver(changed(30, 1));
    await trading.deliver(changed(40, 2));
    const purchase = await trading.useCases.requestPurchase.execute(
      trading.player(),
      request({ quantity: 1 }),
    );
    expect(purchase.total).toBe(45);
  });

  it('keeps a tombstone: an older event does not bring a deleted item back', async () => {
    const trading = await aTrading();
    await trading.deliver(createMessage('catalog.item.deleted', { id: 'potion', version: 3 }));
    await trading.sells('potion', 30, 2);
    expect(
      await failureOf(trading.useCases.requestPurchase.execute(trading.player(), request())),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('reading purchases', () => {
  it('lists a player’s purchases newest first, for themself or an admin only', async () => {
    const trading = await aTrading();
    await trading.sells('potion', 30);
    const buyer = trading.player();
    const ids: string[] = [];
    for (const key of ['a', 'b', 'c']) {
      ids.push(
        (await trading.useCases.requestPurchase.execute(buyer, request({ idempotencyKey: key })))
          .id,
      );
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const listed = await trading.useCases.listPurchases.execute(buyer, buyer.userId, { first: 50 });
    expect(listed.map((purchase) => purchase.id)).toEqual(ids.reverse());
    expect(
      await trading.useCases.listPurchases.execute(trading.admin(), buyer.userId, { first: 50 }),
    ).toHaveLength(3);
    expect(
      await failureOf(
        trading.useCases.listPurchases.execute(trading.player(), buyer.userId, { first: 50 }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  it("is FORBIDDEN for another player's purchase, null for a missing one", async () => {
    const trading = await aTrading();
    await trading.sells('potion', 30);
    const buyer = trading.player();
    const purchase = await trading.useCases.requestPurchase.execute(buyer, request());
    expect(
      await failureOf(trading.useCases.getPurchase.execute(trading.player(), purchase.id)),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(await trading.useCases.getPurchase.execute(trading.admin(), purchase.id)).not.toBeNull();
    expect(await trading.useCases.getPurchase.execute(buyer, 'missing')).toBeNull();
  });
});
