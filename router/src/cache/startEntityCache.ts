import type { GraphQLDataSource } from '@apollo/gateway';
import type { EventBus, RetryPolicy } from '@play-economy/chassis/bus';
import type { Logger } from '@play-economy/chassis/web';
import type { RouterContext } from '../subgraphs/SubgraphDataSource.ts';
import type { CacheBackend } from './CacheBackend.ts';
import { CacheHintRegistry, type SchemaSource } from './CacheHintRegistry.ts';
import { CacheStats } from './CacheStats.ts';
import { CachingDataSource } from './CachingDataSource.ts';
import { EntityCache } from './EntityCache.ts';
import { INVALIDATION_TOPICS, invalidationTagsOf } from './invalidationTagsOf.ts';
import { MemoryCacheBackend } from './MemoryCacheBackend.ts';
import { OperationCachePolicies } from './OperationCachePolicies.ts';
import { ResponseCache } from './ResponseCache.ts';

/**
 * An eviction fails only while Redis is unreachable, and must not be acknowledged then: retried
 * after 1, 2, 4, 8 and 16 s, then dead-lettered (Redis renews its epoch when it is back, so
 * what the lost eviction should have removed is abandoned anyway).
 */
const INVALIDATION_RETRY: RetryPolicy = { maxRetries: 5, initialDelayMs: 1000 };

/** The router's entity cache settings. */
export interface EntityCacheSettings {
  /** Cache entities and root fields at all. Default `true`. Cache-Control headers are set either way. */
  enabled?: boolean;
  /**
   * Redis shared by every router instance (`REDIS_URL`). Unset: an in-memory LRU per instance.
   * Redis being down means no cache, never errors.
   */
  redisUrl?: string | undefined;
  /** Prefix of every Redis key. Default `play-economy:router-cache:`. */
  keyPrefix?: string;
  /** How long one Redis command may take before the request goes without the cache. Default 500 ms. */
  redisCommandTimeoutMs?: number;
  /** Entries the in-memory cache keeps at most. Default `10000`. */
  maxEntries?: number;
  /** Longest time any entry is kept, whatever the hints say, in seconds. Default `300`. */
  maxTtlSeconds?: number;
  /** Max-age of root fields and object fields without a hint; `0` (default) caches none. */
  defaultMaxAge?: number;
  /**
   * Whole answers of cacheable operations, beside the entities (see {@link ResponseCache}):
   * on unless `enabled` is `false`, when the entity cache is on; answers above `maxBytes`
   * (default 256 KiB) are not kept.
   */
  responses?: { enabled?: boolean; maxBytes?: number };
  /**
   * The bus to hear `catalog.item.*` and `identity.*` events on, to evict what they change
   * (one-process mode hands over its in-process bus). Without it the router connects to
   * `amqpUrl`.
   */
  bus?: EventBus | undefined;
  /** RabbitMQ to consume invalidation events from, when no `bus` is given (`AMQP_URL`). */
  amqpUrl?: string | undefined;
  /** How long the broker keeps this instance's queue after it disconnected. Default 10 minutes. */
  queueExpiresAfterMs?: number;
}

/** A started entity cache, ready to be wired into the gateway and Apollo Server. */
export interface RunningEntityCache {
  /** Counters for metrics: hits, misses, evictions, invalidation lag; undefined when off. */
  readonly stats: CacheStats | undefined;
  /** The queue this instance consumes invalidations from; undefined when off. */
  readonly queue: string | undefined;
  /** Wraps a subgraph's data source so its fetches go through the cache. */
  wrap(
    dataSource: GraphQLDataSource<RouterContext>,
    subgraph: string,
  ): GraphQLDataSource<RouterContext>;
  /** Each operation's cache policy: its `Cache-Control`, and whether its answer may be kept. */
  readonly policies: OperationCachePolicies;
  /** Whole answers of cacheable operations; undefined when off. */
  readonly responses: ResponseCache | undefined;
  /** Reads the hints of every supergraph `gateway` loads. Call before the server starts. */
  track(gateway: SchemaSource): void;
  /** Stops consuming invalidations, then closes the backend. */
  stop(): Promise<void>;
}

/**
 * Starts the entity cache: the backend (Redis or memory), and the consumer of invalidation
 * events on a queue of this instance's own, so every instance hears every event. A cache that
 * could not be invalidated would serve stale data, so without an event source the cache stays
 * off (Cache-Control headers are still set).
 */
export async function startEntityCache(
  settings: EntityCacheSettings,
  logger: Logger,
): Promise<RunningEntityCache> {
  const hints = new CacheHintRegistry();
  const defaultMaxAge = settings.defaultMaxAge ?? 0;
  const policies = new OperationCachePolicies(hints, defaultMaxAge);
  const off: RunningEntityCache = {
    stats: undefined,
    queue: undefined,
    wrap: (dataSource) => dataSource,
    policies,
    responses: undefined,
    track: (gateway) => hints.track(gateway),
    stop: async () => undefined,
  };
  if (settings.enabled === false) return off;
  if (!settings.bus && !settings.amqpUrl) {
    logger.warn('entity cache off: no event bus to hear invalidations from (set AMQP_URL)');
    return off;
  }

  let backend: CacheBackend;
  if (settings.redisUrl) {
    // Loaded only when used: a router without Redis or RabbitMQ carries neither client.
    const { RedisCacheBackend } = await import('./RedisCacheBackend.ts');
    const redis = new RedisCacheBackend({
      url: settings.redisUrl,
      keyPrefix: settings.keyPrefix ?? 'play-economy:router-cache:',
      ...(settings.redisCommandTimeoutMs === undefined
        ? {}
        : { commandTimeoutMs: settings.redisCommandTimeoutMs }),
      logger,
    });
    await redis.waitUntilReady();
    backend = redis;
  } else {
    backend = new MemoryCacheBackend({ maxEntries: settings.maxEntries ?? 10_000 });
  }
  const stats = new CacheStats();
  const cache = new EntityCache({
    backend,
    hints,
    stats,
    maxTtlSeconds: settings.maxTtlSeconds ?? 300,
    defaultMaxAge,
    logger,
  });

  let ownBus: EventBus | undefined;
  if (!settings.bus) {
    const { createBus } = await import('@play-economy/chassis/bus');
    ownBus = await createBus({ amqpUrl: settings.amqpUrl, connectionName: 'router', logger }).catch(
      async (error: unknown) => {
        await backend.close();
        throw error;
      },
    );
  }
  const bus = settings.bus ?? (ownBus as EventBus);
  let queue: string;
  try {
    // Every router instance evicts its own cache: a queue of its own.
    queue = await bus.subscribe({
      name: 'router',
      delivery: 'perInstance',
      retry: INVALIDATION_RETRY,
      topics: INVALIDATION_TOPICS,
      expiresAfterMs: settings.queueExpiresAfterMs ?? 10 * 60_000,
      // Evictions are cheap and independent: take many at once.
      prefetch: 64,
      handler: async (message) => {
        const tags = invalidationTagsOf(message);
        // Rejects when the backend is unreachable: the event is retried, not acknowledged.
        await cache.invalidate(tags);
        stats.invalidated(tags, Date.now() - Date.parse(message.occurredAt));
      },
    });
  } catch (error) {
    await ownBus?.close();
    await backend.close();
    throw error;
  }
  const responses =
    settings.responses?.enabled === false
      ? undefined
      : new ResponseCache(cache, { maxBytes: settings.responses?.maxBytes ?? 256 * 1024 });
  logger.info({ backend: backend.kind, queue, responses: Boolean(responses) }, 'entity cache on');

  return {
    stats,
    queue,
    wrap: (dataSource, subgraph) => new CachingDataSource(subgraph, dataSource, cache),
    policies,
    responses,
    track: (gateway) => hints.track(gateway),
    async stop() {
      await ownBus?.close();
      await cache.close();
    },
  };
}
