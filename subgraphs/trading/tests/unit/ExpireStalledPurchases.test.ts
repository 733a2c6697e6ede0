import { describe, expect, it } from 'vitest';
import { aTrading } from '../support/aTrading.ts';

const seconds = (n: number) => new Date(Date.now() + n * 1000);

async function withPurchase({ rerunTransactions = false } = {}) {
  const trading = await aTrading({
    stepTimeout: { timeoutMs: 30_000, maxAttempts: 2 },
    rerunTransactions,
  });
  await trading.sells('potion', 30);
  const buyer = trading.player();
  const purchase = await trading.useCases.requestPurchase.execute(buyer, {
    itemId: 'potion',
    quantity: 1,
    idempotencyKey: 'k',
  });
  const read = async () => (await trading.useCases.getPurchase.execute(buyer, purchase.id))!;
  return { trading, purchase, read };
}

describe('ExpireStalledPurchases', () => {
  it('leaves purchases alone within the step timeout', async () => {
    const { trading } = await withPurchase();
    await trading.relayed();
    expect(await trading.expireStalledPurchases.execute(seconds(10))).toEqual({
      resent: 0,
      gaveUp: 0,
      skipped: 0,
    });
    expect(await trading.published()).toEqual([]);
  });

  it('waits while the command is still in the outbox, unpublished', async () => {
    const { trading, read } = await withPurchase();
    expect(await trading.expireStalledPurchases.execute(seconds(31))).toMatchObject({ skipped: 1 });
    expect((await read()).attempts).toBe(1);
  });

  it('re-sends the same command message, then faults the purchase', async () => {
    const { trading, read } = await withPurchase();
    const [grant] = await trading.published('trading.purchase.grant_items');
    await trading.relayed();

    expect(await trading.expireStalledPurchases.execute(seconds(31))).toMatchObject({ resent: 1 });
    expect(await trading.published()).toEqual([grant]);
    await trading.relayed();

    expect(await trading.expireStalledPurchases.execute(seconds(62))).toMatchObject({ gaveUp: 1 });
    expect(await read()).toMatchObject({
      state: 'FAULTED',
      failureReason: 'The store did not answer in time; nothing was charged',
    });
    expect((await trading.published()).map((message) => message.type)).toEqual([
      'trading.purchase.updated',
    ]);
  });

  it('re-sends and faults alike when the store runs each transaction again', async () => {
    const { trading, read } = await withPurchase({ rerunTransactions: true });
    const [grant] = await trading.published('trading.purchase.grant_items');
    await trading.relayed();
    expect(await trading.expireStalledPurchases.execute(seconds(31))).toMatchObject({ resent: 1 });
    expect(await trading.published()).toEqual([grant]);
    await trading.relayed();
    expect(await trading.expireStalledPurchases.execute(seconds(62))).toMatchObject({ gaveUp: 1 });
    expect((await read()).state).toBe('FAULTED');
    expect((await trading.published()).map((message) => message.type)).toEqual([
      'trading.purchase.updated',
    ]);
  });

  it('stops waiting once the reply came', async () => {
    const { trading, purchase } = await withPurchase();
    await trading.relayed();
    await trading.deliver(
      trading.reply('inventory.items.grant_failed', {
        purchaseId: purchase.id,
        userId: purchase.userId,
        itemId: 'potion',
        quantity: 1,
        reason: 'UNKNOWN_ITEM',
      }),
    );
    await trading.relayed();
    expect(await trading.expireStalledPurchases.execute(seconds(1000))).toMatchObject({
      resent: 0,
      gaveUp: 0,
    });
    expect(await trading.published()).toEqual([]);
  });

  it('gives up on an unanswered debit, survives a reload, and refunds the debit confirmed later', async () => {
    const { trading, purchase, read } = await withPurchase();
    const about = { purchaseId: purchase.id, userId: purchase.userId };
    await trading.deliver(
      trading.reply('inventory.items.granted', {
        ...about,
        itemId: 'potion',
        quantity: 1,
        newQuantity: 1,
      }),
    );
    await trading.relayed();
    await trading.expireStalledPurchases.execute(seconds(31));
    await trading.relayed();
    expect(await trading.expireStalledPurchases.execute(seconds(62))).toMatchObject({ gaveUp: 1 });
    await trading.deliver(
      trading.reply('inventory.items.subtracted', {
        ...about,
        itemId: 'potion',
        quantity: 1,
        subtracted: 1,
        newQuantity: 0,
      }),
    );
    expect(await read()).toMatchObject({ state: 'FAULTED' });
    await trading.relayed();

    // The stored purchase remembers that its debit is unconfirmed.
    const debited = trading.reply('identity.gil.debited', { ...about, amount: 30, balance: 70 });
    await trading.deliver(debited);
    await trading.deliver(debited);
    const refunds = await trading.published('trading.purchase.refund_gil');
    expect(refunds.map((message) => message.payload)).toEqual([{ ...about, amount: 30 }]);
    expect(await trading.published('trading.purchase.updated')).toEqual([]);
  });
});
