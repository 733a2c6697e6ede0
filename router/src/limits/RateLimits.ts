import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger, Viewer } from '@play-economy/chassis/web';
import { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  RateLimiterUnion,
  type IRateLimiterOptions,
} from 'rate-limiter-flexible';

/** How many operations one caller may send. */
export interface RateLimitSettings {
  /** Operations per caller per minute; `0` turns rate limiting off. */
  perMinute: number;
  /** Operations per caller per second, so a minute's budget cannot be spent in one burst. */
  perSecond: number;
  /** Redis shared by every router replica; without it each router counts on its own. */
  redisUrl?: string | undefined;
  /** Prefix of the counters' Redis keys. */
  keyPrefix?: string;
}

/** How long a starting router waits for Redis before counting in memory meanwhile. */
const REDIS_CONNECT_WAIT_MS = 3000;

export const DEFAULT_RATE_LIMITS: Readonly<RateLimitSettings> = {
  perMinute: 1000,
  perSecond: 50,
};

/** Who a limit counts for: the signed-in user, else the client's address. */
export function callerKey(viewer: Viewer | null, clientIp: string | undefined): string {
  return viewer ? `user:${viewer.userId}` : `ip:${clientIp ?? 'unknown'}`;
}

/**
 * Rate limits per caller, counted with rate-limiter-flexible over two fixed windows (a second
 * and a minute), in Redis when a URL is given so every replica draws on the same budget, in
 * memory otherwise. When Redis cannot answer, each router falls back to counting in memory
 * (the library's insurance limiter): limits keep holding per replica instead of failing open
 * or refusing everyone.
 */
export class RateLimits {
  readonly #limiter: RateLimiterUnion;
  readonly #redis: Redis | undefined;

  private constructor(limiter: RateLimiterUnion, redis: Redis | undefined) {
    this.#limiter = limiter;
    this.#redis = redis;
  }

  /**
   * `undefined` when the settings turn rate limiting off. With Redis, waits a moment for its
   * connection, so replicas starting together count together from their first request.
   */
  static async create(
    settings: RateLimitSettings,
    logger: Logger,
  ): Promise<RateLimits | undefined> {
    if (settings.perMinute <= 0) return undefined;
    const keyPrefix = settings.keyPrefix ?? 'play-economy:router-rate:';
    const windows: IRateLimiterOptions[] = [
      { keyPrefix: `${keyPrefix}s`, points: settings.perSecond, duration: 1 },
      { keyPrefix: `${keyPrefix}m`, points: settings.perMinute, duration: 60 },
    ];
    if (!settings.redisUrl) {
      return new RateLimits(
        new RateLimiterUnion(...windows.map((options) => new RateLimiterMemory(options))),
        undefined,
      );
    }
    // Commands fail at once while Redis is down (no offline queue), so the insurance answers.
    const redis = new Redis(settings.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
    let reachable = true;
    redis.on('error', (error: Error) => {
      if (!reachable) return;
      reachable = false;
      logger.warn({ err: error }, 'rate limits: Redis unreachable, counting in memory meanwhile');
    });
    redis.on('ready', () => {
      if (!reachable) logger.info('rate limits: Redis reachable again');
      reachable = true;
    });
    const limiters = windows.map(
      (options) =>
        new RateLimiterRedis({
          ...options,
          storeClient: redis,
          rejectIfRedisNotReady: true,
          insuranceLimiter: new RateLimiterMemory(options),
        }),
    );
    const ac = new AbortController();
    await Promise.race([
      once(redis, 'ready', { signal: ac.signal }),
      sleep(REDIS_CONNECT_WAIT_MS, undefined, { signal: ac.signal }),
    ]).catch(() => {});
    ac.abort();
    return new RateLimits(new RateLimiterUnion(...limiters), redis);
  }

  /**
   * Counts one operation for `caller`. Resolves to `undefined` when it may run, else to the
   * seconds to wait before the caller's budget allows another.
   */
  async consume(caller: string): Promise<number | undefined> {
    try {
      await this.#limiter.consume(caller);
      return undefined;
    } catch (refusal) {
      let waitMs = 1000;
      for (const result of Object.values(refusal as Record<string, unknown>)) {
        if (result instanceof RateLimiterRes) waitMs = Math.max(waitMs, result.msBeforeNext);
      }
      return Math.ceil(waitMs / 1000);
    }
  }

  async stop(): Promise<void> {
    if (this.#redis) await this.#redis.quit().catch(() => this.#redis?.disconnect());
  }
}
