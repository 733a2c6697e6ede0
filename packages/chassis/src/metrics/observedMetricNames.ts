/**
 * Names of the metrics whose values other components keep in statistics objects and hand to
 * {@link ServiceMetrics.observe}. The Grafana dashboard (docker/grafana/dashboards) reads them by
 * these names, so plug them in under these and no others.
 */
export const observedMetricNames = {
  /** Counter: router entity cache lookups answered from the cache. */
  entityCacheHits: 'router_entity_cache_hits_total',
  /** Counter: router entity cache lookups that had to fetch. */
  entityCacheMisses: 'router_entity_cache_misses_total',
  /** Gauge: GraphQL subscriptions open on this server right now. */
  activeSubscriptions: 'graphql_active_subscriptions',
} as const;
