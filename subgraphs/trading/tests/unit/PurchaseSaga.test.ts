import type { Viewer } from '@play-economy/chassis/domain';
import { describe, expect, it } from 'vitest';
import { aTrading } from '../support/aTrading.ts';

/** A trading with one ACCEPTED purchase of 2 potions at 30 gil, its outbox emptied. */
async function accepted() {
  const trading = await aTrading();
  await trading.sells('potion', 30);
  const buyer: Viewer = trading.player();
  const purchase = await trading.useCases.requestPurchase.execute(buyer, {
    itemId: 'potion',
    quantity: 2,
    idempotencyKey: 'k',
  });
  await trading.relayed();
  const about = { purchaseId: purchase.id, userId: buyer.userId };
  const moved = { ...about, itemId: 'potion', quantity: 2, newQuantity: 2 };
  return {
    trading,
    purchase,
    read: async () => (await trading.useCases.getPurchase.execute(buyer, purchase.id))!,
    granted: () => trading.reply('inventory.items.granted', moved),
    grantFailed: () =>
      trading.reply('inventory.items.grant_failed', {
        ...about,
        itemId: 'potion',
        quantity: 2,
        reason: 'UNKNOWN_ITEM',
      }),
    debited: () => trading.reply('identity.gil.debited', { ...about, amount: 60, balance: 40 }),
    debitFailed: () =>
      trading.reply('identity.gil.debit_failed', {
        ...about,
        amount: 60,
        reason: 'INSUFFICIENT_GIL',
      }),
    subtracted: () =>
      trading.reply('inventory.items.subtracted', { ...moved, subtracted: 2, newQuantity: 0 }),
  };
}

describe('the purchase saga, reply by reply', () => {
  it('completes: granted → debit_gil → debited', async () => {
    const saga = await accepted();
    await saga.trading.deliver(saga.granted());
    expect((await saga.read()).state).toBe('ITEMS_GRANTED');
    const [debit] = await saga.trading.published('trading.purchase.debit_gil');
    expect(debit?.payload).toEqual({
      purchaseId: saga.purchase.id,
      userId: saga.purchase.userId,
      amount: 60,
    });
    await saga.trading.deliver(saga.debited());
    expect((await saga.read()).state).toBe('COMPLETED');
    expect(
      (await saga.trading.published('trading.purchase.updated')).map((m) => m.payload),
    ).toMatchObject([
      { state: 'ITEMS_GRANTED', version: 2 },
      { state: 'COMPLETED', version: 3 },
    ]);
  });

  it('faults when the grant fails', async () => {
    const saga = await accepted();
    await saga.trading.deliver(saga.grantFailed());
    expect(await saga.read()).toMatchObject({
      state: 'FAULTED',
      failureReason: 'The item is no longer sold',
    });
  });

  it('compensates a failed debit, then faults with the reason', async () => {
    const saga = await accepted();
    await saga.trading.deliver(saga.granted());
    await saga.trading.deliver(saga.debitFailed());
    expect(await saga.read()).toMatchObject({ state: 'ITEMS_GRANTED', compensating: true });
    expect(await saga.trading.published('trading.purchase.subtract_items')).toHaveLength(1);
    await saga.trading.deliver(saga.subtracted());
    expect(await saga.read()).toMatchObject({
      state: 'FAULTED',
      failureReason: 'Not enough gil: the purchase costs 60 gil',
    });
  });

  it('ignores duplicates: the same message twice, and a second distinct reply', async () => {
    const saga = await accepted();
    const granted = saga.granted();
    await saga.trading.deliver(granted);
    await saga.trading.deliver(granted);
    await saga.trading.deliver(saga.granted());
    expect(await saga.trading.published('trading.purchase.debit_gil')).toHaveLength(1);
    const debited = saga.debited();
    await saga.trading.deliver(debited);
    await saga.trading.deliver(debited);
    await saga.trading.deliver(saga.debited());
    await saga.trading.deliver(saga.debitFailed());
    expect(await saga.read()).toMatchObject({ state: 'COMPLETED', version: 3 });
    expect(await saga.trading.published('trading.purchase.updated')).toHaveLength(2);
    expect(await saga.trading.published('trading.purchase.subtract_items')).toEqual([]);
  });

  it('refuses a debit failure whose reason is outside the contract, compensating nothing', async () => {
    const saga = await accepted();
    await saga.trading.deliver(saga.granted());
    const strange = saga.trading.reply('identity.gil.debit_failed', {
      purchaseId: saga.purchase.id,
      userId: saga.purchase.userId,
      amount: 60,
      reason: 'ACCOUNT_FROZEN',
    });
    await expect(saga.trading.deliver(strange)).rejects.toThrow(/reason: Invalid option/);
    expect(await saga.read()).toMatchObject({ state: 'ITEMS_GRANTED', compensating: false });
    expect(await saga.trading.published('trading.purchase.subtract_items')).toHaveLength(0);
  });

  it('ignores replies about purchases it does not know', async () => {
    const saga = await accepted();
    await saga.trading.deliver(
      saga.trading.reply('identity.gil.debited', {
        purchaseId: 'elsewhere',
        userId: 'u',
        amount: 1,
        balance: 0,
      }),
    );
    expect(await saga.trading.published()).toEqual([]);
  });

  it('refuses a reply naming no purchase by its contract, so the bus dead-letters it', async () => {
    const saga = await accepted();
    await expect(
      saga.trading.deliver(saga.trading.reply('inventory.items.granted', { userId: 'u' })),
    ).rejects.toThrow(/purchaseId: /);
  });
});
