import { describe, expect, it } from 'vitest';
import { QUANTITY_MAX } from '../../src/domain/QuantityRules.ts';
import { anInventory, purchaseCommand } from '../support/anInventory.ts';

const grant = (payload: Record<string, unknown>) => purchaseCommand('grant_items', payload);

describe('GrantItemsOnGrantItemsRequested', () => {
  it('grants once and replies items.granted plus changed, however often the command comes', async () => {
    const inventory = await anInventory();
    await inventory.knowItem('potion');
    const command = grant({ purchaseId: 'p-1', userId: 'u-1', itemId: 'potion', quantity: 2 });
    await inventory.grantItems.handle(command);
    await inventory.grantItems.handle(command);
    await inventory.grantItems.handle(
      grant({ purchaseId: 'p-2', userId: 'u-1', itemId: 'potion', quantity: 3 }),
    );
    expect(await inventory.quantityOf('u-1', 'potion')).toBe(5);
    expect((await inventory.published()).map(({ type, payload }) => ({ type, payload }))).toEqual([
      {
        type: 'inventory.items.granted',
        payload: {
          purchaseId: 'p-1',
          userId: 'u-1',
          itemId: 'potion',
          quantity: 2,
          newQuantity: 2,
        },
      },
      {
        type: 'inventory.changed',
        payload: {
          userId: 'u-1',
          itemId: 'potion',
          quantity: 2,
          delta: 2,
          cause: 'purchase',
          purchaseId: 'p-1',
        },
      },
      {
        type: 'inventory.items.granted',
        payload: {
          purchaseId: 'p-2',
          userId: 'u-1',
          itemId: 'potion',
          quantity: 3,
          newQuantity: 5,
        },
      },
      {
        type: 'inventory.changed',
        payload: {
          userId: 'u-1',
          itemId: 'potion',
          quantity: 5,
          delta: 3,
          cause: 'purchase',
          purchaseId: 'p-2',
        },
      },
    ]);
  });

  it('replies grant_failed with UNKNOWN_ITEM for an unknown or deleted item, changing nothing', async () => {
    const inventory = await anInventory();
    await inventory.knowItem('gone');
    await inventory.forgetItem('gone', 2);
    for (const [purchaseId, itemId] of [
      ['p-3', 'nothing'],
      ['p-4', 'gone'],
    ] as const) {
      await inventory.grantItems.handle(grant({ purchaseId, userId: 'u-1', itemId, quantity: 1 }));
    }
    expect((await inventory.published()).map(({ type, payload }) => ({ type, payload }))).toEqual([
      {
        type: 'inventory.items.grant_failed',
        payload: {
          purchaseId: 'p-3',
          userId: 'u-1',
          itemId: 'nothing',
          quantity: 1,
          reason: 'UNKNOWN_ITEM',
        },
      },
      {
        type: 'inventory.items.grant_failed',
        payload: {
          purchaseId: 'p-4',
          userId: 'u-1',
          itemId: 'gone',
          quantity: 1,
          reason: 'UNKNOWN_ITEM',
        },
      },
    ]);
    expect(await inventory.quantityOf('u-1', 'gone')).toBe(0);
  });

  it('replies grant_failed with QUANTITY_LIMIT when the total would not fit an Int', async () => {
    const inventory = await anInventory();
    await inventory.knowItem('coin');
    await inventory.grantItems.handle(
      grant({ purchaseId: 'p-5', userId: 'u-1', itemId: 'coin', quantity: QUANTITY_MAX }),
    );
    await inventory.grantItems.handle(
      grant({ purchaseId: 'p-6', userId: 'u-1', itemId: 'coin', quantity: 1 }),
    );
    expect(await inventory.quantityOf('u-1', 'coin')).toBe(QUANTITY_MAX);
    expect(
      (await inventory.published('inventory.items.grant_failed')).map((m) => m.payload),
    ).toEqual([
      { purchaseId: 'p-6', userId: 'u-1', itemId: 'coin', quantity: 1, reason: 'QUANTITY_LIMIT' },
    ]);
  });

  it.each([
    { purchaseId: 'p', userId: 'u', itemId: 'i' },
    { purchaseId: 'p', userId: 'u', itemId: 'i', quantity: 0 },
    { purchaseId: 'p', userId: 'u', itemId: 'i', quantity: 1.5 },
    { purchaseId: '', userId: 'u', itemId: 'i', quantity: 1 },
    { purchaseId: 'p', userId: 'u', quantity: 1 },
  ])(
    'refuses a malformed command %j by its contract, so the bus dead-letters it',
    async (payload) => {
      const inventory = await anInventory();
      await expect(inventory.grantItems.handle(grant(payload))).rejects.toThrow(
        /trading\.purchase\.grant_items .* does not match its contract/,
      );
      expect(await inventory.published()).toEqual([]);
    },
  );
});
