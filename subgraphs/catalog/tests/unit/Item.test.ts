import { InvalidInput } from '@play-economy/chassis/domain';
import { describe, expect, it } from 'vitest';
import { Item } from '../../src/domain/Item.ts';
import { anItem } from '../support/anItem.ts';

const now = new Date('2026-01-01T00:00:00Z');
const later = new Date('2026-01-02T00:00:00Z');

function fieldOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof InvalidInput) return error.details['field'] as string;
    throw error;
  }
  return undefined;
}

describe('Item', () => {
  it('is created at version 1 and records catalog.item.created', () => {
    const item = Item.create(anItem().named('  Potion ').withPrice(30).build(), 'i-1', now);
    expect(item.toState()).toMatchObject({ id: 'i-1', name: 'Potion', price: 30, version: 1 });
    expect(item.pullEvents()).toEqual([
      {
        type: 'catalog.item.created',
        payload: {
          id: 'i-1',
          name: 'Potion',
          description: expect.any(String),
          price: 30,
          version: 1,
        },
      },
    ]);
    expect(item.pullEvents()).toEqual([]);
  });

  it.each([
    ['name', { name: '' }],
    ['name', { name: '   ' }],
    ['name', { name: 'x'.repeat(101) }],
    ['description', { description: 'x'.repeat(1001) }],
    ['price', { price: 0 }],
    ['price', { price: 1_000_001 }],
    ['price', { price: 2.5 }],
  ])('refuses an invalid %s', (field, override) => {
    expect(fieldOf(() => Item.create({ ...anItem().build(), ...override }, 'i', now))).toBe(field);
  });

  it('accepts the limits', () => {
    expect(() =>
      Item.create(
        { name: 'x'.repeat(100), description: 'x'.repeat(1000), price: 1_000_000 },
        'i',
        now,
      ),
    ).not.toThrow();
    expect(() => Item.create({ name: 'x', description: '', price: 1 }, 'i', now)).not.toThrow();
  });

  it('updates only the given fields, bumps the version and records the new state', () => {
    const item = Item.create(anItem().named('Ether').withPrice(100).build(), 'i-2', now);
    item.pullEvents();
    item.update({ price: 120 }, later);
    expect(item.toState()).toMatchObject({
      name: 'Ether',
      price: 120,
      version: 2,
      createdAt: now,
      updatedAt: later,
    });
    expect(item.pullEvents()).toEqual([
      {
        type: 'catalog.item.updated',
        payload: expect.objectContaining({ id: 'i-2', price: 120, version: 2 }),
      },
    ]);
  });

  it('leaves the item untouched when an update is invalid', () => {
    const item = Item.create(anItem().withPrice(100).build(), 'i-3', now);
    item.pullEvents();
    expect(fieldOf(() => item.update({ name: 'ok', price: -5 }, later))).toBe('price');
    expect(item.toState()).toMatchObject({ price: 100, version: 1, updatedAt: now });
    expect(item.pullEvents()).toEqual([]);
  });

  it('records catalog.item.deleted with the next version', () => {
    const item = Item.restore({
      ...Item.create(anItem().build(), 'i-4', now).toState(),
      version: 7,
    });
    item.delete();
    expect(item.pullEvents()).toEqual([
      { type: 'catalog.item.deleted', payload: { id: 'i-4', version: 8 } },
    ]);
  });
});
