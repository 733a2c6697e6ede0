import { describe, expect, it } from 'vitest';
import { createLogger } from '@play-economy/chassis/web';
import { CacheHintRegistry } from '../../src/cache/CacheHintRegistry.ts';
import { CacheStats } from '../../src/cache/CacheStats.ts';
import { EntityCache } from '../../src/cache/EntityCache.ts';
import { invalidationTagsOf } from '../../src/cache/invalidationTagsOf.ts';
import { MemoryCacheBackend } from '../../src/cache/MemoryCacheBackend.ts';

function anEntityCache(maxEntries = 100) {
  return new EntityCache({
    backend: new MemoryCacheBackend({ maxEntries }),
    hints: new CacheHintRegistry(),
    stats: new CacheStats(),
    maxTtlSeconds: 300,
    defaultMaxAge: 0,
    logger: createLogger({ service: 'test', level: 'silent' }),
  });
}

const publicPolicy = { maxAge: 60, scope: 'PUBLIC' as const, entityTypes: new Set<string>() };
const privatePolicy = { ...publicPolicy, scope: 'PRIVATE' as const };

describe('the entity cache', () => {
  it('serves what was stored until the entity is invalidated', async () => {
    const cache = anEntityCache();
    const slot = cache.slot(publicPolicy, null, ['Item', '1'], ['Item:1'])!;
    const [miss] = (await cache.lookup([slot]))!;
    expect(miss?.hit).toBe(false);
    await cache.store([{ key: miss!.key, value: { price: 1 }, ttlMs: slot.ttlMs }]);
    expect((await cache.lookup([slot]))![0]).toMatchObject({ hit: true, value: { price: 1 } });

    await cache.invalidate(['Item:1']);
    expect((await cache.lookup([slot]))![0]?.hit).toBe(false);
  });

  it('never lets a fetch that started before an invalidation store a value read after it', async () => {
    const cache = anEntityCache();
    const slot = cache.slot(publicPolicy, null, ['Item', '1'], ['Item:1'])!;
    // The fetch looks up (and so reads the versions) before calling the subgraph...
    const [before] = (await cache.lookup([slot]))!;
    // ...the item changes and its event is processed while the fetch is in flight...
    await cache.invalidate(['Item:1']);
    // ...and the fetch then stores the old value.
    await cache.store([{ key: before!.key, value: { price: 'old' }, ttlMs: slot.ttlMs }]);
    expect((await cache.lookup([slot]))![0]?.hit).toBe(false);
  });

  it('keeps PRIVATE values per user and does not cache them for anonymous callers', async () => {
    const cache = anEntityCache();
    const alice = { userId: 'alice', roles: ['PLAYER' as const] };
    const bob = { userId: 'bob', roles: ['PLAYER' as const] };
    const parts = ['User', 'me'];
    expect(cache.slot(privatePolicy, null, parts, ['User'])).toBeUndefined();
    const forAlice = cache.slot(privatePolicy, alice, parts, ['User'])!;
    const forBob = cache.slot(privatePolicy, bob, parts, ['User'])!;
    expect(forAlice.baseKey).not.toBe(forBob.baseKey);
    const [entry] = (await cache.lookup([forAlice]))!;
    await cache.store([{ key: entry!.key, value: 'alice', ttlMs: 1000 }]);
    expect((await cache.lookup([forBob]))![0]?.hit).toBe(false);
  });

  it('caps the TTL and does not cache max-age 0', () => {
    const cache = anEntityCache();
    expect(cache.slot({ ...publicPolicy, maxAge: 0 }, null, [], [])).toBeUndefined();
    expect(cache.slot({ ...publicPolicy, maxAge: 86_400 }, null, [], [])?.ttlMs).toBe(300_000);
  });
});

describe('the in-memory backend', () => {
  it('never reads a forgotten tag as a version older than its last one', async () => {
    const backend = new MemoryCacheBackend({ maxEntries: 2 });
    await backend.bump(['Item:1']);
    const [stale] = await backend.versions(['Item:1']);
    await backend.bump(['Item:1']);
    const [current] = await backend.versions(['Item:1']);
    // Push Item:1's version out of the bounded map.
    await backend.bump(['Item:2', 'Item:3', 'Item:4']);
    const [afterEviction] = await backend.versions(['Item:1']);
    expect(afterEviction).not.toBe(stale);
    expect(Number(afterEviction)).toBeGreaterThanOrEqual(Number(current));
  });

  it('forgets the least recently used entries beyond its bound', async () => {
    const backend = new MemoryCacheBackend({ maxEntries: 2 });
    await backend.set(['a', 'b', 'c'].map((key) => ({ key, value: key, ttlMs: 60_000 })));
    expect(await backend.get(['a', 'b', 'c'])).toEqual([undefined, 'b', 'c']);
  });
});

describe('invalidation tags', () => {
  it('name the entity and its type', () => {
    expect(invalidationTagsOf({ type: 'catalog.item.updated', payload: { id: '7' } })).toEqual([
      'Item',
      'Item:7',
    ]);
    expect(invalidationTagsOf({ type: 'catalog.item.deleted', payload: { id: '7' } })).toEqual([
      'Item',
      'Item:7',
    ]);
    expect(invalidationTagsOf({ type: 'catalog.item.created', payload: { id: '8' } })).toEqual([
      'Item',
    ]);
    expect(
      invalidationTagsOf({ type: 'identity.gil.changed', payload: { userId: 'u', balance: 1 } }),
    ).toEqual(['User', 'User:u']);
    expect(invalidationTagsOf({ type: 'identity.gil.debit_failed', payload: {} })).toEqual([]);
  });
});

it('keys do not depend on the order of object keys', () => {
  const cache = anEntityCache();
  const keyOf = (part: unknown) =>
    cache.slot(publicPolicy, null, ['Item', part], ['Item'])!.baseKey;
  expect(keyOf({ b: 1, a: { d: [1, { f: 1, e: 2 }], c: 2 } })).toBe(
    keyOf({ a: { c: 2, d: [1, { e: 2, f: 1 }] }, b: 1 }),
  );
  expect(keyOf({ a: 1 })).not.toBe(keyOf({ a: 2 }));
});
