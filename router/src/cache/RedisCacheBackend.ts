import { Redis } from 'ioredis';
import type { Logger } from '@play-economy/chassis/web';
import type { CacheBackend, CacheWrite } from './CacheBackend.ts';

export interface RedisCacheBackendOptions {
  /** `redis://[user:password@]host:6379[/db]` */
  url: string;
  /** Prefix of every key, so several deployments (or test runs) can share one Redis. */
  keyPrefix: string;
  /** How long one command may take before the cache gives up on it. Default 500 ms. */
  commandTimeoutMs?: number;
  logger: Logger;
}

/** Version keys outlive any entry written under them (entries live minutes at most). */
const VERSION_TTL_MS = 24 * 60 * 60 * 1000;
const EPOCH_KEY = 'epoch';

/**
 * The cache in Redis, shared by every router instance: entries with a TTL, tag versions as
 * counters (`INCR`), plus an epoch folded into every version.
 *
 * While Redis is unreachable every command fails at once (no offline queue, no retries), so
 * requests go to the subgraphs without waiting. An eviction that failed, or that may have been
 * missed while a connection was down, cannot be replayed for sure, so after either the next
 * successful use first bumps the epoch, which abandons every entry written before: the cache
 * starts cold rather than stale.
 */
export class RedisCacheBackend implements CacheBackend {
  readonly kind = 'redis';
  readonly #redis: Redis;
  readonly #logger: Logger;
  #epochStale = false;
  #wasReady = false;
  #lastErrorLogAt = 0;

  constructor({ url, keyPrefix, commandTimeoutMs = 500, logger }: RedisCacheBackendOptions) {
    this.#logger = logger;
    this.#redis = new Redis(url, {
      keyPrefix,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: commandTimeoutMs,
      connectTimeout: 1000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
      // A reconnect re-sends nothing: a command sent before it has already failed.
      autoResendUnfulfilledCommands: false,
    });
    this.#redis.on('error', (err: Error) => {
      // Once a few seconds at most: a Redis that is down would otherwise flood the log.
      const now = Date.now();
      if (now - this.#lastErrorLogAt > 5000) {
        this.#lastErrorLogAt = now;
        this.#logger.warn({ err }, 'entity cache: Redis unavailable; serving without cache');
      }
    });
    this.#redis.on('close', () => {
      // A connection that was up dropped: evictions may have been lost meanwhile.
      if (this.#wasReady) this.#epochStale = true;
    });
    this.#redis.on('ready', () => {
      this.#wasReady = true;
      this.#logger.info('entity cache: Redis connected');
    });
  }

  /**
   * Resolves once connected, or after `timeoutMs` if Redis cannot be reached (the cache then
   * runs without it until it can). Never rejects: a router starts with Redis down.
   */
  async waitUntilReady(timeoutMs = 2000): Promise<void> {
    if (this.#redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#redis.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.#redis.once('ready', done);
    });
  }

  async versions(tags: readonly string[]): Promise<string[]> {
    if (this.#epochStale) await this.#renewEpoch();
    const [epoch, ...values] = await this.#redis.mget(EPOCH_KEY, ...tags.map(versionKey));
    return values.map((value) => `${epoch ?? '0'}.${value ?? '0'}`);
  }

  async bump(tags: readonly string[]): Promise<void> {
    if (tags.length === 0) return;
    const transaction = this.#redis.multi();
    for (const tag of tags)
      transaction.incr(versionKey(tag)).pexpire(versionKey(tag), VERSION_TTL_MS);
    try {
      await this.#run(transaction);
    } catch (error) {
      // The event is retried, but if it never gets through, this eviction is lost.
      this.#epochStale = true;
      throw error;
    }
  }

  async get(keys: readonly string[]): Promise<(string | undefined)[]> {
    if (keys.length === 0) return [];
    const values = await this.#redis.mget(...keys);
    return values.map((value) => value ?? undefined);
  }

  async set(entries: readonly CacheWrite[]): Promise<void> {
    if (entries.length === 0) return;
    const pipeline = this.#redis.pipeline();
    for (const { key, value, ttlMs } of entries) pipeline.set(key, value, 'PX', Math.max(1, ttlMs));
    await this.#run(pipeline);
  }

  async close(): Promise<void> {
    this.#redis.disconnect();
  }

  async #renewEpoch(): Promise<void> {
    const epoch = await this.#redis.incr(EPOCH_KEY);
    this.#epochStale = false;
    this.#logger.info({ epoch }, 'entity cache: Redis reachable again; older entries abandoned');
  }

  /** Runs a pipeline or transaction; rejects if any command in it failed. */
  async #run(batch: { exec(): Promise<[Error | null, unknown][] | null> }): Promise<void> {
    const results = await batch.exec();
    if (results === null) throw new Error('Redis transaction aborted');
    const failed = results.find(([error]) => error !== null);
    if (failed?.[0]) throw failed[0];
  }
}

function versionKey(tag: string): string {
  return `v:${tag}`;
}
