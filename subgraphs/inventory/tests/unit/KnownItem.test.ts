import { describe, expect, it } from 'vitest';
import { createMessage, MalformedMessage, parseByContract } from '@play-economy/chassis/domain';
import { TrackItemOnItemChanged } from '../../src/application/TrackItemOnItemChanged.ts';
import { applyItemEvent, isGrantable, type KnownItem } from '../../src/domain/KnownItem.ts';

const present = (version: number) => ({ kind: 'present', id: 'i-1', version }) as const;
const deleted = (version: number) => ({ kind: 'deleted', id: 'i-1', version }) as const;
const known = (version: number, isDeleted = false): KnownItem => ({
  id: 'i-1',
  version,
  deleted: isDeleted,
});

describe('applyItemEvent: the item copy keeps the newest version', () => {
  it('records an item it has not seen', () => {
    expect(applyItemEvent(null, present(1))).toEqual(known(1));
  });

  it('takes a newer version, even one that skipped some', () => {
    expect(applyItemEvent(known(1), present(2))).toEqual(known(2));
    expect(applyItemEvent(known(1), present(5))).toEqual(known(5));
  });

  it('ignores a duplicate or a stale event', () => {
    expect(applyItemEvent(known(3), present(3))).toBeNull();
    expect(applyItemEvent(known(3), present(2))).toBeNull();
  });

  it('turns a deletion into a tombstone that a late update cannot resurrect', () => {
    const tombstone = applyItemEvent(known(2), deleted(3));
    expect(tombstone).toEqual(known(3, true));
    expect(applyItemEvent(tombstone, present(2))).toBeNull();
    expect(applyItemEvent(tombstone, present(3))).toBeNull();
    expect(applyItemEvent(tombstone, deleted(3))).toBeNull();
  });

  it('records a deletion heard before the item itself', () => {
    const tombstone = applyItemEvent(null, deleted(4));
    expect(tombstone).toEqual(known(4, true));
    expect(applyItemEvent(tombstone, present(1))).toBeNull();
  });
});

describe('isGrantable', () => {
  it('is true only for a known item that was not deleted', () => {
    expect(isGrantable(known(1))).toBe(true);
    expect(isGrantable(known(2, true))).toBe(false);
    expect(isGrantable(null)).toBe(false);
  });
});

/** A catalog event as the bus hands it to inventory: parsed by the catalog's contract. */
const delivered = (type: string, payload: unknown) =>
  parseByContract(TrackItemOnItemChanged.messages, createMessage(type, payload));

describe('the catalog item contracts inventory reads', () => {
  it('reads created, updated and deleted events, dropping the fields inventory does not use', () => {
    const payload = { id: 'i-1', name: 'Potion', description: '', price: 5, version: 2, extra: 1 };
    const { extra, ...declared } = payload;
    expect(extra).toBe(1);
    expect(delivered('catalog.item.created', payload).payload).toStrictEqual(declared);
    expect(delivered('catalog.item.updated', payload).type).toBe('catalog.item.updated');
    expect(delivered('catalog.item.deleted', { id: 'i-1', version: 3 }).payload).toEqual({
      id: 'i-1',
      version: 3,
    });
  });

  it.each([
    ['catalog.item.renamed', { id: 'i-1', version: 1 }],
    ['catalog.item.deleted', { id: '', version: 1 }],
    ['catalog.item.deleted', { id: 'i-1' }],
    ['catalog.item.deleted', { id: 'i-1', version: 0 }],
    ['catalog.item.deleted', { id: 'i-1', version: 1.5 }],
    ['catalog.item.created', null],
  ])('refuses %s %j', (type, payload) => {
    expect(() => delivered(type, payload)).toThrow(MalformedMessage);
  });
});
