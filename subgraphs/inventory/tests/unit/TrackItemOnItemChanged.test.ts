import { describe, expect, it } from 'vitest';
import { ADMIN, anInventory, failureOf, itemEvent } from '../support/anInventory.ts';

const grant = (inventory: Awaited<ReturnType<typeof anInventory>>, itemId: string) =>
  inventory.useCases.grantItems.execute(ADMIN, 'u-1', itemId, 1);

describe('TrackItemOnItemChanged', () => {
  it('makes a created item grantable and a deleted one not', async () => {
    const inventory = await anInventory();
    expect((await failureOf(grant(inventory, 'i-1'))).code).toBe('NOT_FOUND');
    await inventory.trackItem.handle(itemEvent('created', 'i-1', 1));
    await expect(grant(inventory, 'i-1')).resolves.toMatchObject({ quantity: 1 });
    await inventory.trackItem.handle(itemEvent('deleted', 'i-1', 2));
    expect((await failureOf(grant(inventory, 'i-1'))).code).toBe('NOT_FOUND');
  });

  it('keeps a tombstone: a late, older update does not bring a deleted item back', async () => {
    const inventory = await anInventory();
    await inventory.trackItem.handle(itemEvent('created', 'i-2', 1));
    await inventory.trackItem.handle(itemEvent('deleted', 'i-2', 3));
    await inventory.trackItem.handle(itemEvent('updated', 'i-2', 2));
    expect((await failureOf(grant(inventory, 'i-2'))).code).toBe('NOT_FOUND');
  });

  it('applies events that arrive out of order by version', async () => {
    const inventory = await anInventory();
    // The update overtook the creation: the item exists either way.
    await inventory.trackItem.handle(itemEvent('updated', 'i-3', 2));
    await inventory.trackItem.handle(itemEvent('created', 'i-3', 1));
    await expect(grant(inventory, 'i-3')).resolves.toMatchObject({ quantity: 1 });
  });

  it('handles a redelivered event once and publishes nothing', async () => {
    const inventory = await anInventory();
    const created = itemEvent('created', 'i-4', 1);
    await inventory.trackItem.handle(created);
    await inventory.trackItem.handle(created);
    const deleted = itemEvent('deleted', 'i-4', 2);
    await inventory.trackItem.handle(deleted);
    await inventory.trackItem.handle(deleted);
    expect((await failureOf(grant(inventory, 'i-4'))).code).toBe('NOT_FOUND');
    expect(await inventory.published()).toEqual([]);
  });

  it('refuses a malformed event by its contract, so the bus dead-letters it', async () => {
    const inventory = await anInventory();
    const event = { ...itemEvent('created', 'i-5', 1), payload: { id: 'i-5' } };
    await expect(inventory.trackItem.handle(event)).rejects.toThrow(/version: /);
  });
});
