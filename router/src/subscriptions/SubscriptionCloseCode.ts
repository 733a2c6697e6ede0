import { CloseCode } from 'graphql-ws';

/**
 * WebSocket close codes the router's subscription endpoint uses, beside graphql-ws's own
 * (`4400` bad request, `4403` forbidden, ...). See the protocol:
 * https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md
 */
export const SubscriptionCloseCode = {
  /** `connection_init` carried no access token, or one that is invalid or has expired. */
  Unauthorized: CloseCode.Unauthorized,
  /** The access token cannot be checked now (the key set is unreachable); try again later. */
  TryAgainLater: 1013,
  /** The client read its results too slowly; the router will not buffer them without bound. */
  TooSlow: 4008,
  /** The client sent more messages per second than it may. */
  PolicyViolation: 1008,
  /** The caller already holds as many connections as it may. */
  TooManyConnections: 4429,
  /** The router is shutting down. */
  GoingAway: 1001,
} as const;
