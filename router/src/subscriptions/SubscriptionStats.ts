/**
 * Live counts of the router's subscriptions, for health pages and metrics. Read-only to
 * everyone but the subscription module that keeps them.
 */
export interface SubscriptionStats {
  /** Client WebSocket connections open now. */
  clientConnections: number;
  /** Client subscriptions running now. */
  clientSubscriptions: number;
  /** Upstream subscriptions running now, each shared by one or more client subscriptions. */
  upstreamSubscriptions: number;
  /** WebSocket connections to subgraphs open now. */
  upstreamConnections: number;
  /** WebSocket connections to subgraphs opened since start. */
  upstreamConnectionsOpened: number;
  /** Results delivered to clients since start. */
  resultsDelivered: number;
  /** Clients disconnected for reading too slowly, since start. */
  slowClientsDropped: number;
  /** Connections closed because their access token expired, since start. */
  expiredConnectionsClosed: number;
  /** Connections closed for sending too many messages per second, since start. */
  floodingClientsClosed: number;
  /** Connections refused because their caller held too many already, since start. */
  connectionsRefused: number;
}

export function emptySubscriptionStats(): SubscriptionStats {
  return {
    clientConnections: 0,
    clientSubscriptions: 0,
    upstreamSubscriptions: 0,
    upstreamConnections: 0,
    upstreamConnectionsOpened: 0,
    resultsDelivered: 0,
    slowClientsDropped: 0,
    expiredConnectionsClosed: 0,
    floodingClientsClosed: 0,
    connectionsRefused: 0,
  };
}
