import { describe, expect, it } from 'vitest';
import {
  ADMIN,
  anInventory,
  aPlayerViewer,
  failureOf,
  purchaseCommand,
} from '../support/anInventory.ts';

/** The schema's default page. */
const PAGE = { first: 50 };

async function stocked() {
  const inventory = await anInventory();
  for (const id of ['potion', 'ether', 'tent']) await inventory.knowItem(id);
  const { grantItems } = inventory.useCases;
  await grantItems.execute(ADMIN, 'alice', 'potion', 3);
  await grantItems.execute(ADMIN, 'alice', 'ether', 1);
  await grantItems.execute(ADMIN, 'alice', 'tent', 2);
  return inventory;
}

describe('GetInventory', () => {
  it('lists the entries oldest first, for the user themself and for an admin', async () => {
    const inventory = await stocked();
    const own = await inventory.useCases.getInventory.execute(
      aPlayerViewer('alice'),
      'alice',
      PAGE,
    );
    expect(own.map(({ itemId, quantity }) => [itemId, quantity])).toEqual([
      ['potion', 3],
      ['ether', 1],
      ['tent', 2],
    ]);
    expect(await inventory.useCases.getInventory.execute(ADMIN, 'alice', PAGE)).toEqual(own);
  });

  it("refuses another player's inventory with FORBIDDEN and anonymous callers with UNAUTHENTICATED", async () => {
    const inventory = await stocked();
    const { getInventory } = inventory.useCases;
    expect((await failureOf(getInventory.execute(aPlayerViewer('bob'), 'alice', PAGE))).code).toBe(
      'FORBIDDEN',
    );
    expect((await failureOf(getInventory.execute(null, 'alice', PAGE))).code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('leaves out entries taken back to 0 and items deleted from the catalog', async () => {
    const inventory = await stocked();
    await inventory.forgetItem('tent', 2);
    await inventory.subtractItems.handle(
      purchaseCommand('subtract_items', {
        purchaseId: 'p-1',
        userId: 'alice',
        itemId: 'ether',
        quantity: 1,
      }),
    );
    const entries = await inventory.useCases.getInventory.execute(ADMIN, 'alice', PAGE);
    expect(entries.map((entry) => entry.itemId)).toEqual(['potion']);
  });

  it('is empty for a user who owns nothing', async () => {
    const inventory = await anInventory();
    expect(
      await inventory.useCases.getInventory.execute(aPlayerViewer('carol'), 'carol', PAGE),
    ).toEqual([]);
  });
});

describe('GetOwnedQuantities', () => {
  it("answers the caller's quantities in the order asked, 0 for items not owned", async () => {
    const inventory = await stocked();
    const quantities = await inventory.useCases.getOwnedQuantities.execute(aPlayerViewer('alice'), [
      'tent',
      'unknown',
      'potion',
      'tent',
    ]);
    expect(quantities).toEqual([2, 0, 3, 2]);
  });

  it('answers 0 for everything to an anonymous caller or another player', async () => {
    const inventory = await stocked();
    const { getOwnedQuantities } = inventory.useCases;
    expect(await getOwnedQuantities.execute(null, ['potion', 'tent'])).toEqual([0, 0]);
    expect(await getOwnedQuantities.execute(aPlayerViewer('bob'), ['potion'])).toEqual([0]);
  });
});
