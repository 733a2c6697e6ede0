import { randomUUID } from 'node:crypto';
import { EmbeddedStore, MongoStore, type DocumentStore } from '@play-economy/chassis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptBudget, AttemptLimiter } from '../../src/domain/AttemptLimiter.ts';
import { FlexibleAttemptLimiter } from '../../src/infrastructure/FlexibleAttemptLimiter.ts';

/** The attempt-limiter port, run against every place budgets are kept. */
function attemptLimiterContract(openStore: () => Promise<DocumentStore>): void {
  let store: DocumentStore;
  beforeAll(async () => {
    store = await openStore();
  });
  afterAll(async () => {
    await store.close();
  });

  const aLimiter = (budget: Partial<AttemptBudget> = {}, name = `limiter_${randomUUID()}`) =>
    FlexibleAttemptLimiter.create(store, name, { points: 3, durationSeconds: 600, ...budget });

  const takeAll = (limiter: AttemptLimiter, key: string, count: number) =>
    Promise.all(Array.from({ length: count }, () => limiter.take(key)));

  it('allows the budget, then refuses with the time until the window ends', async () => {
    const limiter = await aLimiter();
    const taken = [];
    for (let n = 0; n < 4; n++) taken.push(await limiter.take('k'));
    expect(taken.slice(0, 3).map((attempt) => attempt.allowed && attempt.used)).toEqual([1, 2, 3]);
    const refused = taken[3]!;
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) {
      expect(refused.retryAfterMs).toBeGreaterThan(0);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(600_000);
    }
    expect(await limiter.used('k')).toBeGreaterThanOrEqual(3);
  });

  it('never allows more than the budget to concurrent takers', async () => {
    const limiter = await aLimiter({ points: 5 });
    const attempts = await takeAll(limiter, 'busy', 40);
    expect(attempts.filter((attempt) => attempt.allowed)).toHaveLength(5);
  });

  it('keeps keys, and limiters sharing a store, apart', async () => {
    const first = await aLimiter({ points: 1 });
    const second = await aLimiter({ points: 1 });
    expect((await first.take('a')).allowed).toBe(true);
    expect((await first.take('a')).allowed).toBe(false);
    expect((await first.take('b')).allowed).toBe(true);
    expect((await second.take('a')).allowed).toBe(true);
  });

  it('takes an attempt back on giveBack', async () => {
    const limiter = await aLimiter({ points: 2 });
    const [one] = await takeAll(limiter, 'k', 2);
    expect((await limiter.take('k')).allowed).toBe(false);
    if (one?.allowed) await one.giveBack();
    // The refused take above counted too: one give-back frees one of the three.
    expect(await limiter.used('k')).toBe(2);
  });

  it('blocks a key for the given time whatever it had left, and forgets it on reset', async () => {
    const limiter = await aLimiter();
    await limiter.block('k', 120);
    const blocked = await limiter.take('k');
    expect(blocked.allowed).toBe(false);
    if (!blocked.allowed) {
      expect(blocked.retryAfterMs).toBeGreaterThan(100_000);
      expect(blocked.retryAfterMs).toBeLessThanOrEqual(120_000);
    }
    await limiter.reset('k');
    expect(await limiter.used('k')).toBe(0);
    expect((await limiter.take('k')).allowed).toBe(true);
  });

  it('is shared by every limiter of the same name over the same store (replicas)', async () => {
    const name = `shared_${randomUUID()}`;
    const one = await aLimiter({ points: 2 }, name);
    const other = await aLimiter({ points: 2 }, name);
    if (store instanceof MongoStore) {
      await takeAll(one, 'k', 2);
      expect((await other.take('k')).allowed).toBe(false);
    } else {
      // In memory each limiter counts on its own: one process, one limiter per name.
      await takeAll(one, 'k', 2);
      expect((await other.take('k')).allowed).toBe(true);
    }
  });
}

describe('in memory (embedded store)', () => {
  attemptLimiterContract(async () => new EmbeddedStore({ database: 'limits' }));
});

// No MongoDB server can be installed on the build machines: this run needs MONGODB_URL pointing
// at one, e.g. the `mongo` container in CI.
const mongodbUrl = process.env['MONGODB_URL'];

describe.runIf(mongodbUrl !== undefined && mongodbUrl !== '')('in MongoDB', () => {
  const database = `identity_limits_${randomUUID().slice(0, 8)}`;
  let cleanup: MongoStore | undefined;
  afterAll(async () => {
    cleanup = await MongoStore.connect(mongodbUrl ?? '', database);
    await cleanup.db.dropDatabase();
    await cleanup.close();
  });

  attemptLimiterContract(() => MongoStore.connect(mongodbUrl ?? '', database));

  it('keeps its counters in the rate_limits collection of the service database', async () => {
    const store = await MongoStore.connect(mongodbUrl ?? '', database);
    try {
      const limiter = await FlexibleAttemptLimiter.create(store, 'visible', {
        points: 1,
        durationSeconds: 60,
      });
      await limiter.take('k');
      const indexes = await store.db.collection('rate_limits').indexes();
      expect(indexes.some((index) => index['expireAfterSeconds'] === 0)).toBe(true);
      expect(await store.db.collection('rate_limits').countDocuments({ key: 'visible:k' })).toBe(1);
    } finally {
      await store.close();
    }
  });
});
