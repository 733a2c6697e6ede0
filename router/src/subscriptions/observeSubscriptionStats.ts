import { observedMetricNames, type ServiceMetrics } from '@play-economy/chassis/web';
import type { SubscriptionStats } from './SubscriptionStats.ts';

/** Serves the router's subscription counts at `/metrics`. */
export function observeSubscriptionStats(
  metrics: ServiceMetrics,
  stats: Readonly<SubscriptionStats>,
): void {
  const gauges = [
    [
      observedMetricNames.activeSubscriptions,
      'GraphQL subscriptions open on this server right now',
      'clientSubscriptions',
    ],
    [
      'router_subscription_client_connections',
      'Client WebSocket connections open now',
      'clientConnections',
    ],
    [
      'router_subscription_upstream_streams',
      'Upstream subscriptions running now, each shared by one or more clients',
      'upstreamSubscriptions',
    ],
    [
      'router_subscription_upstream_connections',
      'WebSocket connections to subgraphs open now',
      'upstreamConnections',
    ],
  ] as const;
  for (const [name, help, field] of gauges) {
    metrics.observe({ kind: 'gauge', name, help, read: () => stats[field] });
  }
  const counters = [
    [
      'router_subscription_results_delivered_total',
      'Subscription results delivered to clients',
      'resultsDelivered',
    ],
    [
      'router_subscription_slow_clients_dropped_total',
      'Clients disconnected for reading their results too slowly',
      'slowClientsDropped',
    ],
    [
      'router_subscription_expired_connections_closed_total',
      'Connections closed because their access token expired',
      'expiredConnectionsClosed',
    ],
    [
      'router_subscription_flooding_clients_closed_total',
      'Connections closed for sending more messages per second than allowed',
      'floodingClientsClosed',
    ],
    [
      'router_subscription_connections_refused_total',
      'Connections refused because their caller already held as many as allowed',
      'connectionsRefused',
    ],
    [
      'router_subscription_upstream_connections_opened_total',
      'WebSocket connections opened to subgraphs',
      'upstreamConnectionsOpened',
    ],
  ] as const;
  for (const [name, help, field] of counters) {
    metrics.observe({ kind: 'counter', name, help, read: () => stats[field] });
  }
}
