import { describe, expect, it } from 'vitest';
import { InventoryEntry, type InventoryEntryState } from '../../src/domain/InventoryEntry.ts';
import { QuantityLimitExceeded } from '../../src/domain/QuantityLimitExceeded.ts';
import { QUANTITY_MAX } from '../../src/domain/QuantityRules.ts';

const acquiredAt = new Date(Date.UTC(2026, 0, 1));

/** The entry as the store returns it after a change. */
const stored = (quantity: number): InventoryEntryState => ({
  userId: 'u-1',
  itemId: 'potion',
  quantity,
  acquiredAt,
});

const typesOf = (entry: InventoryEntry) => entry.pullEvents().map((event) => event.type);

describe('InventoryEntry.grant', () => {
  it('adds the quantity while the total stays ownable', () => {
    const grant = InventoryEntry.of('u-1', 'potion').grant(3);
    expect(grant).toEqual({
      userId: 'u-1',
      itemId: 'potion',
      delta: 3,
      atLeast: 0,
      atMost: QUANTITY_MAX - 3,
    });
  });

  it('records inventory.changed for an admin grant', () => {
    const entry = InventoryEntry.of('u-1', 'potion');
    entry.granted(entry.grant(3), { cause: 'admin-grant' }, stored(7));
    expect(entry.quantity).toBe(7);
    expect(entry.toState()).toEqual(stored(7));
    expect(entry.pullEvents()).toEqual([
      {
        type: 'inventory.changed',
        payload: { userId: 'u-1', itemId: 'potion', quantity: 7, delta: 3, cause: 'admin-grant' },
      },
    ]);
    expect(entry.pullEvents()).toEqual([]);
  });

  it("records the purchase's reply, then inventory.changed", () => {
    const entry = InventoryEntry.of('u-1', 'potion');
    entry.granted(entry.grant(2), { cause: 'purchase', purchaseId: 'p-1' }, stored(2));
    expect(entry.pullEvents()).toEqual([
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
    ]);
  });

  it('turns a refused grant into QuantityLimitExceeded (BAD_USER_INPUT on quantity), recording nothing', () => {
    const entry = InventoryEntry.of('u-1', 'potion');
    const refused = () => entry.granted(entry.grant(5), { cause: 'admin-grant' }, null);
    expect(refused).toThrow(QuantityLimitExceeded);
    expect(refused).toThrow(`quantity would raise the user's total above ${QUANTITY_MAX}`);
    expect(() => refused()).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'quantity' } }),
    );
    expect(entry.pullEvents()).toEqual([]);
  });
});

describe('InventoryEntry.subtract', () => {
  it('takes the quantity only while there are at least that many', () => {
    expect(InventoryEntry.of('u-1', 'potion').subtract(4)).toEqual({
      userId: 'u-1',
      itemId: 'potion',
      delta: -4,
      atLeast: 4,
      atMost: QUANTITY_MAX,
    });
  });

  it('records the reply and inventory.changed when the items were taken', () => {
    const entry = InventoryEntry.of('u-1', 'potion');
    entry.subtracted('p-1', 4, entry.subtract(4), stored(6));
    expect(entry.pullEvents()).toEqual([
      {
        type: 'inventory.items.subtracted',
        payload: {
          purchaseId: 'p-1',
          userId: 'u-1',
          itemId: 'potion',
          quantity: 4,
          subtracted: 4,
          newQuantity: 6,
        },
      },
      {
        type: 'inventory.changed',
        payload: {
          userId: 'u-1',
          itemId: 'potion',
          quantity: 6,
          delta: -4,
          cause: 'compensation',
          purchaseId: 'p-1',
        },
      },
    ]);
  });

  it('takes what is left, on condition it is still what was read', () => {
    const entry = InventoryEntry.of('u-1', 'potion');
    const rest = entry.remainderOf(stored(3));
    expect(rest).toEqual({ userId: 'u-1', itemId: 'potion', delta: -3, atLeast: 3, atMost: 3 });
    entry.subtracted('p-1', 5, rest, stored(0));
    expect(entry.pullEvents().map((event) => event.payload)).toEqual([
      expect.objectContaining({ quantity: 5, subtracted: 3, newQuantity: 0 }),
      expect.objectContaining({ quantity: 0, delta: -3, cause: 'compensation' }),
    ]);
  });

  it.each([
    ['no entry', null],
    ['an entry at 0', stored(0)],
  ])('with %s, takes nothing and replies subtracted 0 alone', (_case, current) => {
    const entry = InventoryEntry.of('u-1', 'potion');
    expect(entry.remainderOf(current)).toBeNull();
    entry.subtracted('p-1', 5, null, null);
    expect(typesOf(entry)).toEqual(['inventory.items.subtracted']);
    entry.subtracted('p-2', 5, null, null);
    expect(entry.pullEvents()[0]?.payload).toMatchObject({ subtracted: 0, newQuantity: 0 });
  });

  it('refuses to report a subtraction the store refused: the entry changed meanwhile', () => {
    const entry = InventoryEntry.of('u-1', 'potion');
    const rest = entry.remainderOf(stored(3));
    expect(() => entry.subtracted('p-1', 5, rest, null)).toThrow('changed while subtracting');
    expect(entry.pullEvents()).toEqual([]);
  });
});
