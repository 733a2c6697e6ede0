import { describe, expect, it } from 'vitest';
import { createLogger, Role } from '@play-economy/chassis/web';
import { CacheHintRegistry } from '../../src/cache/CacheHintRegistry.ts';
import { CacheStats } from '../../src/cache/CacheStats.ts';
import { EntityCache } from '../../src/cache/EntityCache.ts';
import type { CachePolicy } from '../../src/cache/computeCachePolicy.ts';
import { MemoryCacheBackend } from '../../src/cache/MemoryCacheBackend.ts';
import { ResponseCache, type ResponseIdentity } from '../../src/cache/ResponseCache.ts';

function aResponseCache(maxBytes = 1024) {
  const entities = new EntityCache({
    backend: new MemoryCacheBackend({ maxEntries: 100 }),
    hints: new CacheHintRegistry(),
    stats: new CacheStats(),
    maxTtlSeconds: 300,
    defaultMaxAge: 0,
    logger: createLogger({ service: 'test', level: 'silent' }),
  });
  return { entities, responses: new ResponseCache(entities, { maxBytes }) };
}

const items: CachePolicy = { maxAge: 60, scope: 'PUBLIC', entityTypes: new Set(['Item']) };
const identity: ResponseIdentity = {
  queryHash: 'q1',
  operationName: undefined,
  variables: { first: 20, search: 'potion' },
  rights: 'anonymous',
};
const alice = { userId: 'alice', roles: [Role.Player] };
const answer = Buffer.from('{"data":{"items":{"totalCount":1}}}');

describe('the response cache', () => {
  it('serves a kept answer byte for byte until an entity type it holds changes', async () => {
    const { entities, responses } = aResponseCache();
    const slot = responses.slot(items, null, identity)!;
    const miss = (await responses.read(slot))!;
    expect(miss.body).toBeUndefined();
    await responses.write(miss.key, answer, slot.ttlMs);
    expect((await responses.read(slot))?.body).toEqual(answer);

    await entities.invalidate(['Item']);
    expect((await responses.read(slot))?.body).toBeUndefined();
  });

  it('keeps nothing uncacheable: max-age 0, or PRIVATE without a caller', () => {
    const { responses } = aResponseCache();
    expect(responses.slot({ ...items, maxAge: 0 }, alice, identity)).toBeUndefined();
    expect(responses.slot({ ...items, scope: 'PRIVATE' }, null, identity)).toBeUndefined();
    expect(responses.slot({ ...items, scope: 'PRIVATE' }, alice, identity)).toBeDefined();
  });

  it('tells answers apart by operation, variables, rights and, when PRIVATE, caller', () => {
    const { responses } = aResponseCache();
    const keyOf = (changes: Partial<ResponseIdentity>, policy = items, viewer = alice) =>
      responses.slot(policy, viewer, { ...identity, ...changes })!.baseKey;
    const base = keyOf({});
    expect(keyOf({ queryHash: 'q2' })).not.toBe(base);
    expect(keyOf({ operationName: 'Items' })).not.toBe(base);
    expect(keyOf({ variables: { first: 21, search: 'potion' } })).not.toBe(base);
    expect(keyOf({ rights: 'roles:ADMIN' })).not.toBe(base);
    // The same variables in another order are the same answer.
    expect(keyOf({ variables: { search: 'potion', first: 20 } })).toBe(base);
    // PUBLIC: shared by callers with the same rights; PRIVATE: one caller's own.
    expect(keyOf({}, items, { userId: 'bob', roles: [Role.Player] })).toBe(base);
    const privately: CachePolicy = { ...items, scope: 'PRIVATE' };
    expect(keyOf({}, privately, { userId: 'bob', roles: [Role.Player] })).not.toBe(
      keyOf({}, privately),
    );
  });

  it('keys operations without variables apart too, though their slots are kept', () => {
    const { responses } = aResponseCache();
    const none = { ...identity, variables: {} };
    const keyOf = (changes: Partial<ResponseIdentity>) =>
      responses.slot(items, null, { ...none, ...changes })!.baseKey;
    const base = keyOf({});
    expect(keyOf({})).toBe(base);
    expect(keyOf({ queryHash: 'q2' })).not.toBe(base);
    expect(keyOf({ operationName: 'Items' })).not.toBe(base);
    expect(keyOf({ rights: 'roles:ADMIN' })).not.toBe(base);
    expect(keyOf({ variables: { first: 1 } })).not.toBe(base);
  });

  it('does not keep an answer larger than its limit', async () => {
    const { responses } = aResponseCache(answer.length - 1);
    const slot = responses.slot(items, null, identity)!;
    const { key } = (await responses.read(slot))!;
    await responses.write(key, answer, slot.ttlMs);
    expect((await responses.read(slot))?.body).toBeUndefined();
  });
});
