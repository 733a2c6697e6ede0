import { observedMetricNames, type ServiceMetrics } from '@play-economy/chassis/web';
import type { CacheStats } from './CacheStats.ts';

/** Serves the entity cache's counters and its invalidation lag at the router's `/metrics`. */
export function observeCacheStats(metrics: ServiceMetrics, stats: CacheStats): void {
  const counters = [
    [
      observedMetricNames.entityCacheHits,
      'Entities and root-field results answered from the entity cache',
      'hits',
    ],
    [
      observedMetricNames.entityCacheMisses,
      'Cacheable entities and root-field results that had to be fetched',
      'misses',
    ],
    [
      'router_entity_cache_evictions_total',
      'Entity cache tags (Item:42, Item) evicted by change events',
      'evictions',
    ],
    [
      'router_entity_cache_backend_errors_total',
      'Cache backend operations that failed; the request went without the cache',
      'backendErrors',
    ],
  ] as const;
  for (const [name, help, field] of counters) {
    metrics.observe({ kind: 'counter', name, help, read: () => stats.snapshot()[field] });
  }
  const lag = metrics.histogram(
    'router_entity_cache_invalidation_lag_seconds',
    'Time from a change event occurring to its entries being evicted from the entity cache',
  );
  stats.onInvalidation((lagMs) => lag.observe(lagMs / 1000));
}
