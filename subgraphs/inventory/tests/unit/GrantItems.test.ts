import { describe, expect, it } from 'vitest';
import { QUANTITY_MAX } from '../../src/domain/QuantityRules.ts';
import {
  ADMIN,
  anInventory,
  aPlayerViewer,
  failureOf,
  purchaseCommand,
} from '../support/anInventory.ts';

describe('GrantItems (admin)', () => {
  it('adds to the total, returns the entry and announces inventory.changed', async () => {
    const inventory = await anInventory();
    await inventory.knowItem('potion');
    const first = await inventory.useCases.grantItems.execute(ADMIN, 'u-1', 'potion', 3);
    expect(first).toMatchObject({ userId: 'u-1', itemId: 'potion', quantity: 3 });
    const second = await inventory.useCases.grantItems.execute(ADMIN, 'u-1', 'potion', 4);
    expect(second.quantity).toBe(7);
    // The first acquisition is what `acquiredAt` tells.
    expect(second.acquiredAt).toEqual(first.acquiredAt);
    expect((await inventory.published('inventory.changed')).map((m) => m.payload)).toEqual([
      { userId: 'u-1', itemId: 'potion', quantity: 3, delta: 3, cause: 'admin-grant' },
      { userId: 'u-1', itemId: 'potion', quantity: 7, delta: 4, cause: 'admin-grant' },
    ]);
  });

  it('adds concurrent grants up without losing any', async () => {
    const inventory = await anInventory();
    await inventory.knowItem('ether');
    await Promise.all(
      Array.from({ length: 20 }, () =>
        inventory.useCases.grantItems.execute(ADMIN, 'u-2', 'ether', 5),
      ),
    );
    expect(await inventory.quantityOf('u-2', 'ether')).toBe(100);
  });

  it('is for admins only: UNAUTHENTICATED when anonymous, FORBIDDEN for a player', async () => {
    const inventory = await anInventory();
    await inventory.knowItem('potion');
    const { grantItems } = inventory.useCases;
    expect((await failureOf(grantItems.execute(null, 'u-1', 'potion', 1))).code).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      (await failureOf(grantItems.execute(aPlayerViewer('u-1'), 'u-1', 'potion', 1))).code,
    ).toBe('FORBIDDEN');
    expect(await inventory.quantityOf('u-1', 'potion')).toBe(0);
    expect(await inventory.published()).toEqual([]);
  });

  it.each([0, 1001, -5])(
    'refuses quantity %d with BAD_USER_INPUT naming quantity',
    async (quantity) => {
      const inventory = await anInventory();
      await inventory.knowItem('potion');
      const failure = await failureOf(
        inventory.useCases.grantItems.execute(ADMIN, 'u-1', 'potion', quantity),
      );
      expect(failure).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quantity' });
      expect(await inventory.published()).toEqual([]);
    },
  );

  it('refuses a grant past the largest ownable total with BAD_USER_INPUT, changing nothing', async () => {
    const inventory = await anInventory();
    await inventory.knowItem('coin');
    await inventory.grantItems.handle(
      purchaseCommand('grant_items', {
        purchaseId: 'p-1',
        userId: 'u-1',
        itemId: 'coin',
        quantity: QUANTITY_MAX - 1,
      }),
    );
    const before = await inventory.published();
    const failure = await failureOf(inventory.useCases.grantItems.execute(ADMIN, 'u-1', 'coin', 2));
    expect(failure).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'quantity',
      message: `quantity would raise the user's total above ${QUANTITY_MAX}`,
    });
    expect(await inventory.quantityOf('u-1', 'coin')).toBe(QUANTITY_MAX - 1);
    expect(await inventory.published()).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown or deleted item, changing nothing', async () => {
    const inventory = await anInventory();
    const { grantItems } = inventory.useCases;
    expect(await failureOf(grantItems.execute(ADMIN, 'u-1', 'nothing', 1))).toMatchObject({
      code: 'NOT_FOUND',
      entity: 'Item',
      id: 'nothing',
    });
    await inventory.knowItem('gone');
    await inventory.forgetItem('gone', 2);
    expect((await failureOf(grantItems.execute(ADMIN, 'u-1', 'gone', 1))).code).toBe('NOT_FOUND');
    expect(await inventory.published()).toEqual([]);
  });
});
