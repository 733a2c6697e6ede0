import { describe, expect, it } from 'vitest';
import { aTrading, failureOf } from '../support/aTrading.ts';

/** Buys one potion for `buyer` and hands its `trading.purchase.updated` to the live feed. */
async function buyAndAnnounce(
  trading: Awaited<ReturnType<typeof aTrading>>,
  buyer = trading.player(),
) {
  const purchase = await trading.useCases.requestPurchase.execute(buyer, {
    itemId: 'potion',
    quantity: 1,
    idempotencyKey: `k-${buyer.userId}-${Math.random()}`,
  });
  for (const message of await trading.published('trading.purchase.updated')) {
    await trading.deliver(message);
  }
  await trading.relayed();
  return { buyer, purchase };
}

describe('WatchPurchases', () => {
  it('streams the caller’s own purchase updates, read off the events', async () => {
    const trading = await aTrading();
    await trading.sells('potion', 30);
    const buyer = trading.player();
    const other = trading.player();
    const mine = await trading.useCases.watchPurchases.execute(buyer);
    const theirs = await trading.useCases.watchPurchases.execute(other);

    const { purchase } = await buyAndAnnounce(trading, buyer);
    const { purchase: otherPurchase } = await buyAndAnnounce(trading, other);

    const seen = (await mine.next()).value;
    expect(seen).toMatchObject({
      id: purchase.id,
      userId: buyer.userId,
      itemId: 'potion',
      total: 30,
      state: 'ACCEPTED',
      failureReason: null,
    });
    expect(seen?.createdAt).toEqual(purchase.createdAt);
    // The other player's first update is their own purchase, not the buyer's.
    expect((await theirs.next()).value?.id).toBe(otherPurchase.id);
  });

  it('follows one purchase for its buyer or an admin; FORBIDDEN or NOT_FOUND otherwise', async () => {
    const trading = await aTrading();
    await trading.sells('potion', 30);
    const { buyer, purchase } = await buyAndAnnounce(trading);
    const snoop = trading.player();
    expect(
      await failureOf(trading.useCases.watchPurchases.execute(snoop, purchase.id)),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await failureOf(trading.useCases.watchPurchases.execute(buyer, 'no-such-purchase')),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failureOf(trading.useCases.watchPurchases.execute(null))).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    const watched = await trading.useCases.watchPurchases.execute(trading.admin(), purchase.id);
    await buyAndAnnounce(trading, buyer);
    await trading.deliver(
      trading.reply('inventory.items.granted', {
        purchaseId: purchase.id,
        userId: buyer.userId,
        itemId: 'potion',
        quantity: 1,
        newQuantity: 1,
      }),
    );
    for (const message of await trading.published('trading.purchase.updated')) {
      await trading.deliver(message);
    }
    expect((await watched.next()).value).toMatchObject({
      id: purchase.id,
      state: 'ITEMS_GRANTED',
    });
    await watched.return(undefined);
  });
});
