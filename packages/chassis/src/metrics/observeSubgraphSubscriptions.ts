import type { RunningSubscriptions } from '../graphql/serveSubscriptions.ts';
import { observedMetricNames } from './observedMetricNames.ts';
import type { ServiceMetrics } from './ServiceMetrics.ts';

/**
 * Serves a subgraph's subscription counts at `/metrics`: subscriptions and router connections
 * open now. A subgraph without subscriptions reports zeros, so every service has the gauges.
 */
export function observeSubgraphSubscriptions(
  metrics: ServiceMetrics,
  subscriptions: RunningSubscriptions | undefined,
): void {
  metrics.observe({
    kind: 'gauge',
    name: observedMetricNames.activeSubscriptions,
    help: 'GraphQL subscriptions open on this server right now',
    read: () => subscriptions?.activeCount() ?? 0,
  });
  metrics.observe({
    kind: 'gauge',
    name: 'subgraph_subscription_connections',
    help: 'WebSocket connections from the router open now',
    read: () => subscriptions?.connectionCount() ?? 0,
  });
}
