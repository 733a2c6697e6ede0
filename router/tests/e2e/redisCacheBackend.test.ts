import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '@play-economy/chassis/web';
import { RedisCacheBackend } from '../../src/cache/RedisCacheBackend.ts';
import { BusTcpProxy } from '../../../packages/chassis/tests/e2e/busTcpProxy.ts';

const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const logger = createLogger({ service: 'test', level: 'silent' });

let proxy: BusTcpProxy;
let backend: RedisCacheBackend;
let direct: RedisCacheBackend;

beforeAll(async () => {
  const keyPrefix = `test:redis-backend:${randomUUID()}:`;
  proxy = await BusTcpProxy.start(redisUrl);
  backend = new RedisCacheBackend({ url: proxy.urlFor(redisUrl), keyPrefix, logger });
  direct = new RedisCacheBackend({ url: redisUrl, keyPrefix, logger });
  await backend.waitUntilReady();
  await direct.waitUntilReady();
});

afterAll(async () => {
  await backend?.close();
  await direct?.close();
  await proxy?.close();
});

/** Polls `attempt` until it resolves, for at most 5 s. */
async function whenReachable<T>(attempt: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

it('shares entries and versions between instances', async () => {
  await backend.set([{ key: 'k', value: 'v', ttlMs: 60_000 }]);
  expect(await direct.get(['k', 'absent'])).toEqual(['v', undefined]);
  const [before] = await direct.versions(['Item:1']);
  await backend.bump(['Item:1']);
  expect((await direct.versions(['Item:1']))[0]).not.toBe(before);
});

it('fails fast while Redis is unreachable, and abandons older entries once it is back', async () => {
  const [versionBefore] = await backend.versions(['Item:2']);
  proxy.refuse = true;
  proxy.dropConnections();
  await expect(backend.versions(['Item:2'])).rejects.toThrow();
  // An eviction that could not be done: the event will be retried, but may never be.
  await expect(backend.bump(['Item:2'])).rejects.toThrow();
  proxy.refuse = false;

  const [versionAfter] = await whenReachable(() => backend.versions(['Item:2']));
  // The epoch moved on: keys written under the old version are never read again, by anyone.
  expect(versionAfter).not.toBe(versionBefore);
  expect((await direct.versions(['Item:2']))[0]).toBe(versionAfter);
});
