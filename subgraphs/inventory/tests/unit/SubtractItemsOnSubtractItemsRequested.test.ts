import { describe, expect, it } from 'vitest';
import { anInventory, purchaseCommand } from '../support/anInventory.ts';

const subtract = (payload: Record<string, unknown>) => purchaseCommand('subtract_items', payload);

async function inventoryWith(quantity: number) {
  const inventory = await anInventory();
  await inventory.knowItem('potion');
  await inventory.grantItems.handle(
    purchaseCommand('grant_items', {
      purchaseId: 'p-0',
      userId: 'u-1',
      itemId: 'potion',
      quantity,
    }),
  );
  return inventory;
}

/** What was published after the grant that stocked the inventory. */
const repliesOf = async (inventory: Awaited<ReturnType<typeof anInventory>>) =>
  (await inventory.published())
    .filter((m) => (m.payload as { purchaseId?: string }).purchaseId !== 'p-0')
    .map(({ type, payload }) => ({ type, payload }));

describe('SubtractItemsOnSubtractItemsRequested', () => {
  it('takes the items back once, however often the command comes', async () => {
    const inventory = await inventoryWith(5);
    const command = subtract({ purchaseId: 'p-1', userId: 'u-1', itemId: 'potion', quantity: 2 });
    await inventory.subtractItems.handle(command);
    await inventory.subtractItems.handle(command);
    expect(await inventory.quantityOf('u-1', 'potion')).toBe(3);
    expect(await repliesOf(inventory)).toEqual([
      {
        type: 'inventory.items.subtracted',
        payload: {
          purchaseId: 'p-1',
          userId: 'u-1',
          itemId: 'potion',
          quantity: 2,
          subtracted: 2,
          newQuantity: 3,
        },
      },
      {
        type: 'inventory.changed',
        payload: {
          userId: 'u-1',
          itemId: 'potion',
          quantity: 3,
          delta: -2,
          cause: 'compensation',
          purchaseId: 'p-1',
        },
      },
    ]);
  });

  it('never goes below 0: takes what there is and says so', async () => {
    const inventory = await inventoryWith(2);
    await inventory.subtractItems.handle(
      subtract({ purchaseId: 'p-2', userId: 'u-1', itemId: 'potion', quantity: 5 }),
    );
    expect(await inventory.quantityOf('u-1', 'potion')).toBe(0);
    const replies = await repliesOf(inventory);
    expect(replies.map((reply) => reply.payload)).toEqual([
      {
        purchaseId: 'p-2',
        userId: 'u-1',
        itemId: 'potion',
        quantity: 5,
        subtracted: 2,
        newQuantity: 0,
      },
      expect.objectContaining({ quantity: 0, delta: -2, cause: 'compensation' }),
    ]);
  });

  it('replies subtracted 0 without an inventory.changed when there is nothing to take', async () => {
    const inventory = await anInventory();
    await inventory.subtractItems.handle(
      subtract({ purchaseId: 'p-3', userId: 'u-9', itemId: 'never-had', quantity: 1 }),
    );
    expect((await inventory.published()).map(({ type, payload }) => ({ type, payload }))).toEqual([
      {
        type: 'inventory.items.subtracted',
        payload: {
          purchaseId: 'p-3',
          userId: 'u-9',
          itemId: 'never-had',
          quantity: 1,
          subtracted: 0,
          newQuantity: 0,
        },
      },
    ]);
  });

  it('takes items back even after the item was deleted from the catalog', async () => {
    const inventory = await inventoryWith(4);
    await inventory.forgetItem('potion', 2);
    await inventory.subtractItems.handle(
      subtract({ purchaseId: 'p-4', userId: 'u-1', itemId: 'potion', quantity: 4 }),
    );
    expect(await inventory.quantityOf('u-1', 'potion')).toBe(0);
  });

  it('refuses a malformed command by its contract', async () => {
    const inventory = await anInventory();
    await expect(
      inventory.subtractItems.handle(subtract({ purchaseId: 'p', userId: 'u', itemId: 'i' })),
    ).rejects.toThrow(/quantity: /);
  });
});
