import type { IncomingMessage, Server } from 'node:http';
import type { GraphQLDataSource } from '@apollo/gateway';
import { ErrorCode, SubscriptionTrace, type Logger, type Viewer } from '@play-economy/chassis/web';
import { GraphQLError, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { decodeJwt } from 'jose';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { WebSocketServer, type WebSocket } from 'ws';
import { authenticateBearer } from '../auth/authenticateBearer.ts';
import { bearerTokenOf } from '../auth/bearerTokenOf.ts';
import type { AccessTokenVerifier } from '../auth/createAccessTokenVerifier.ts';
import { createRouterErrorFormatter } from '../errors/createRouterErrorFormatter.ts';
import type { AuthorizationIndex } from '../authorization/buildAuthorizationIndex.ts';
import type { SupergraphRuntime } from '../engine/SupergraphRuntime.ts';
import type { PreparedSupergraph } from '../supergraph/prepareSupergraph.ts';
import { ClientStream } from './ClientStream.ts';
import { SharedSubscription } from './SharedSubscription.ts';
import { SubscriptionCloseCode } from './SubscriptionCloseCode.ts';
import { SubscriptionPlanner, type PlannedSubscription } from './SubscriptionPlanner.ts';
import { emptySubscriptionStats, type SubscriptionStats } from './SubscriptionStats.ts';
import { UpstreamConnections, type UpstreamEndpoint } from './UpstreamConnections.ts';
import { callerKey } from '../limits/RateLimits.ts';
import type { AdmittedOperation, OperationPipeline } from '../pipeline/OperationPipeline.ts';

/** What the gateway reports on each supergraph it loads (`onSchemaLoadOrUpdate`). */
export interface LoadedSchema {
  apiSchema: GraphQLSchema;
  coreSupergraphSdl: string;
}

export interface FederatedSubscriptionsOptions {
  /** The router's HTTP server: WebSocket upgrades of `/graphql` on it are served here. */
  httpServer: Server;
  /** Registers a listener for every supergraph the gateway loads, the first one included. */
  onSchemaLoadOrUpdate: (listener: (schema: LoadedSchema) => void) => void;
  /** The prepared supergraph behind a `coreSupergraphSdl` the gateway reports. */
  supergraphOf: (coreSupergraphSdl: string) => PreparedSupergraph | undefined;
  /** The data source for a subgraph's entity fetches: the same kind HTTP requests use. */
  dataSourceFor: (subgraph: UpstreamEndpoint) => GraphQLDataSource;
  /** The engine's runtime for an API schema, shared with HTTP requests when there is one. */
  runtimeFor?: ((apiSchema: GraphQLSchema) => SupergraphRuntime | undefined) | undefined;
  /** The authorization index HTTP requests use for an API schema. */
  authorizationIndexFor?: (apiSchema: GraphQLSchema) => AuthorizationIndex | undefined;
  /** Routing URL overrides by subgraph name, as for HTTP. */
  subgraphUrls?: Readonly<Record<string, string>>;
  /** Verifies the access token of `connection_init`; without it, only anonymous callers. */
  verify: AccessTokenVerifier | undefined;
  /** The checks every operation passes, as over HTTP; undefined until a supergraph is loaded. */
  pipeline: () => Pick<OperationPipeline, 'admit'> | undefined;
  /** The client's address, through the proxies the router trusts. */
  clientAddressOf: (req: IncomingMessage) => string | undefined;
  /** Connections one caller (user, else address) may hold open at once. Default `20`. */
  maxConnectionsPerCaller?: number;
  /** Messages a client may send per second; beyond, its connection is closed. Default `20`. */
  maxMessagesPerSecond?: number;
  routerSecret: string;
  logger: Logger;
  /** Results one client subscription may have waiting before the client is dropped. Default `100`. */
  maxBufferedPerClient?: number;
  /** Subscriptions one connection may run at once. Default `100`. */
  maxSubscriptionsPerConnection?: number;
  /** Events one upstream subscription may have waiting to be resolved. Default `1000`. */
  maxPendingEvents?: number;
  /** How long a client has to send `connection_init`, in milliseconds. Default `3000`. */
  connectionInitWaitTimeoutMs?: number;
}

export interface FederatedSubscriptions {
  /** Live counts, for metrics. */
  readonly stats: Readonly<SubscriptionStats>;
  /** Closes every client connection with `1001 Going away`, then every subgraph connection. */
  stop(): Promise<void>;
}

interface Connection {
  viewer: Viewer | null;
  /** Who the connection counts for in the per-caller limits. */
  caller: string;
  /** Subscriptions running on this connection now. */
  running: number;
  clientIp: string | undefined;
  expiry: NodeJS.Timeout | undefined;
}

/** Largest WebSocket message accepted from a client (the HTTP body limit is the same). */
const MAX_MESSAGE_BYTES = 1024 * 1024;

/** Longest delay `setTimeout` takes (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Serves subscriptions on the router's `/graphql` over `graphql-transport-ws` (the graphql-ws
 * protocol), same port as HTTP. `connection_init` carries `{ "Authorization": "Bearer <token>" }`,
 * verified exactly as the HTTP header is (`authenticateBearer`): without one the caller is
 * anonymous, a bad token closes the socket with `4401`, an unavailable key set with `1013` (try
 * again later), and the socket is closed with `4401` too when the token expires. A caller may
 * hold a bounded number of connections (`4429` beyond) and a connection may send a bounded
 * number of messages per second (`1008` beyond). Each `subscribe` is admitted by the same
 * {@link OperationPipeline.admit} as an HTTP request (rate limit, trusted documents, document
 * limits, validation, variables, cost), filtered by the supergraph's authorization directives
 * for the caller, planned with `@apollo/query-planner`, and run as a {@link SharedSubscription}
 * shared by every client with the same document, variables and identity, and never across
 * identities.
 */
export function serveFederatedSubscriptions(
  options: FederatedSubscriptionsOptions,
): FederatedSubscriptions {
  const { logger, verify, routerSecret, subgraphUrls = {} } = options;
  const maxBufferedPerClient = options.maxBufferedPerClient ?? 100;
  const maxPendingEvents = options.maxPendingEvents ?? 1000;
  const maxSubscriptionsPerConnection = options.maxSubscriptionsPerConnection ?? 100;
  const maxConnectionsPerCaller = options.maxConnectionsPerCaller ?? 20;
  /** Open connections by caller. */
  const callers = new Map<string, number>();
  const messageRate = new RateLimiterMemory({
    points: options.maxMessagesPerSecond ?? 20,
    duration: 1,
  });
  let connectionsSeen = 0;
  const stats = emptySubscriptionStats();
  const formatError = createRouterErrorFormatter(logger);
  const upstream = new UpstreamConnections({ routerSecret, logger, stats });
  const shared = new Map<string, SharedSubscription>();
  const connections = new WeakMap<WebSocket, Connection>();
  let planner: SubscriptionPlanner | undefined;

  options.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
    const prepared = options.supergraphOf(coreSupergraphSdl);
    if (!prepared) {
      // As for HTTP: a supergraph the router did not prepare is not served unchecked.
      planner = undefined;
      logger.error('loaded a supergraph the router did not prepare; refusing subscriptions');
      return;
    }
    const runtime = options.runtimeFor?.(apiSchema);
    const endpoints: Record<string, UpstreamEndpoint> = {};
    const dataSources: Record<string, GraphQLDataSource> = {};
    for (const { name, url } of prepared.subgraphs) {
      const endpoint = { name, url: subgraphUrls[name] ?? url };
      endpoints[name] = endpoint;
      // A shared runtime brings the data sources HTTP requests use.
      if (!runtime) dataSources[name] = options.dataSourceFor(endpoint);
    }
    // Running subscriptions keep the plan they started with; new ones use the new supergraph.
    planner = new SubscriptionPlanner({
      apiSchema,
      coreSupergraphSdl,
      prepared,
      dataSources,
      endpoints,
      runtime,
      index: options.authorizationIndexFor?.(apiSchema),
    });
  });

  const wsServer = new WebSocketServer({
    server: options.httpServer,
    path: '/graphql',
    // As for HTTP bodies: one message cannot make the router hold more than this.
    maxPayload: MAX_MESSAGE_BYTES,
  });
  // Registered before graphql-ws's own listener: a flood of messages closes the connection.
  wsServer.on('connection', (socket) => {
    const id = String((connectionsSeen += 1));
    socket.on('message', () => {
      messageRate.consume(id).catch(() => {
        stats.floodingClientsClosed += 1;
        socket.close(SubscriptionCloseCode.PolicyViolation, 'Too many messages');
      });
    });
    socket.once('close', () => void messageRate.delete(id));
  });
  const server = useServer(
    {
      connectionInitWaitTimeout: options.connectionInitWaitTimeoutMs ?? 3000,
      onConnect: async ({ connectionParams, extra }) => {
        const { socket, request } = extra;
        const clientIp = options.clientAddressOf(request);
        // The same authentication as HTTP: no token is an anonymous caller, a bad one is refused.
        const authorization = authorizationOf(connectionParams);
        const authenticated = await authenticateBearer(verify, authorization, {
          logger,
          requestId: `ws:${clientIp ?? 'unknown'}`,
        });
        if ('refusal' in authenticated) {
          const { status, message } = authenticated.refusal;
          socket.close(
            status === 401
              ? SubscriptionCloseCode.Unauthorized
              : SubscriptionCloseCode.TryAgainLater,
            message.slice(0, 120),
          );
          return false;
        }
        const caller = callerKey(authenticated.viewer, clientIp);
        const open = callers.get(caller) ?? 0;
        if (open >= maxConnectionsPerCaller) {
          stats.connectionsRefused += 1;
          socket.close(
            SubscriptionCloseCode.TooManyConnections,
            `At most ${maxConnectionsPerCaller} connections per caller`,
          );
          return false;
        }
        callers.set(caller, open + 1);
        const connection: Connection = {
          viewer: authenticated.viewer,
          caller,
          clientIp,
          running: 0,
          expiry: undefined,
        };
        const token = bearerTokenOf(authorization);
        if (token !== undefined) connection.expiry = closeOnExpiry(socket, token);
        connections.set(socket, connection);
        stats.clientConnections += 1;
        socket.once('close', () => {
          stats.clientConnections -= 1;
          clearTimeout(connection.expiry);
          const left = (callers.get(caller) ?? 1) - 1;
          if (left > 0) callers.set(caller, left);
          else callers.delete(caller);
        });
        return true;
      },
      onSubscribe: async ({ extra, connectionParams }, _id, payload) => {
        // The client's trace context, from this subscribe or else from its connection_init.
        const trace = new SubscriptionTrace({
          service: 'router',
          operationName: payload.operationName ?? undefined,
          carriers: [payload.extensions, connectionParams],
        });
        const started = await startSubscription(extra.socket, payload, trace);
        trace.end(Array.isArray(started) ? started : undefined);
        return started;
      },
      subscribe: (args) => (args.contextValue as { stream: ClientStream }).stream,
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!result.errors) return undefined;
        const { errors, data, extensions } = result;
        return {
          ...(data === undefined ? {} : { data }),
          ...(extensions === undefined ? {} : { extensions }),
          errors: errors.map((error) => formatError(error.toJSON(), error)),
        };
      },
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((error) => formatError(error.toJSON(), error)),
    },
    wsServer,
  );

  /**
   * Admits (the checks of HTTP: rate, document, limits, cost), authorizes, plans and starts one
   * client subscription, or says why it cannot start.
   */
  async function startSubscription(
    socket: WebSocket,
    payload: SubscribePayload,
    trace: SubscriptionTrace,
  ): Promise<ExecutionArgs | readonly GraphQLError[]> {
    const connection = connections.get(socket);
    if (!connection) return [new GraphQLError('Connection not initialised')];
    const pipeline = options.pipeline();
    if (!planner || !pipeline) return [new GraphQLError('No supergraph is being served')];
    if (connection.running >= maxSubscriptionsPerConnection) {
      return [
        new GraphQLError(
          `At most ${maxSubscriptionsPerConnection} subscriptions may run on one connection`,
          { extensions: { code: ErrorCode.RateLimited } },
        ),
      ];
    }
    const admitted: AdmittedOperation | { errors: readonly GraphQLError[] } = await pipeline.admit(
      {
        query: payload.query || undefined,
        operationName: payload.operationName ?? undefined,
        variables: payload.variables ?? undefined,
        extensions: payload.extensions ?? undefined,
      },
      {
        requestId: `ws:${connection.clientIp ?? 'unknown'}`,
        viewer: connection.viewer,
        clientIp: connection.clientIp,
      },
      'WebSocket',
    );
    if ('errors' in admitted) return admitted.errors;
    // The connection may have closed, or the supergraph changed, while the checks ran.
    if (socket.readyState !== socket.OPEN || !planner) {
      return [
        new GraphQLError('The connection closed before the subscription started', {
          extensions: { code: 'BAD_REQUEST' },
        }),
      ];
    }
    const planned = planner.plan(admitted, connection.viewer);
    if (isErrors(planned)) return planned;
    trace.named(planned.operationName);
    const sharedKey = [planned.planner.generation, planned.key, identityOf(connection.viewer)].join(
      '\u0000',
    );
    let subscription = shared.get(sharedKey);
    if (!subscription || subscription.ended) {
      subscription = new SharedSubscription({
        planned,
        viewer: connection.viewer,
        clientIp: connection.clientIp,
        routerSecret,
        upstream,
        logger,
        stats,
        maxPendingEvents,
        trace,
        onEnd: () => {
          if (shared.get(sharedKey) === subscription) shared.delete(sharedKey);
        },
      });
      try {
        subscription.start();
      } catch (error) {
        logger.error({ err: error }, 'could not start an upstream subscription');
        return [new GraphQLError('Internal server error', { originalError: error as Error })];
      }
      shared.set(sharedKey, subscription);
    }
    trace.setAttribute('play_economy.subscription.shared', subscription.clientCount > 0);
    const owner = subscription;
    stats.clientSubscriptions += 1;
    connection.running += 1;
    const client = new ClientStream({
      maxBuffered: maxBufferedPerClient,
      onOverflow: () => {
        stats.slowClientsDropped += 1;
        logger.warn({ ip: connection.clientIp }, 'dropping a client that reads too slowly');
        dropSlowClient(socket, maxBufferedPerClient);
      },
      onEnd: () => {
        stats.clientSubscriptions -= 1;
        connection.running -= 1;
        owner.detach(client);
      },
    });
    owner.attach(client);
    return {
      schema: planned.planner.apiSchema,
      document: planned.document,
      ...(planned.operationName === undefined ? {} : { operationName: planned.operationName }),
      contextValue: { stream: client },
    };
  }

  function closeOnExpiry(socket: WebSocket, token: string): NodeJS.Timeout | undefined {
    const { exp } = decodeJwt(token);
    if (exp === undefined) return undefined;
    const timer = setTimeout(
      () => {
        stats.expiredConnectionsClosed += 1;
        socket.close(SubscriptionCloseCode.Unauthorized, 'Access token expired');
      },
      Math.min(Math.max(0, exp * 1000 - Date.now()), MAX_TIMER_MS),
    );
    timer.unref();
    return timer;
  }

  let stopped: Promise<void> | undefined;
  return {
    stats,
    stop: () => {
      stopped ??= (async () => {
        await server.dispose();
        await upstream.close();
      })();
      return stopped;
    },
  };
}

/** The `Authorization` entry of a `connection_init` payload, whatever its case. */
function authorizationOf(
  params: Readonly<Record<string, unknown>> | undefined,
): string | undefined {
  for (const [key, value] of Object.entries(params ?? {})) {
    if (key.toLowerCase() === 'authorization' && typeof value === 'string') return value;
  }
  return undefined;
}

function isErrors(
  planned: PlannedSubscription | readonly GraphQLError[],
): planned is readonly GraphQLError[] {
  return Array.isArray(planned);
}

/** Who a shared subscription runs as: never shared between different identities. */
function identityOf(viewer: Viewer | null): string {
  return viewer ? `${viewer.userId}\u0000${[...new Set(viewer.roles)].sort().join(',')}` : '';
}

function dropSlowClient(socket: WebSocket, maxBuffered: number): void {
  socket.close(
    SubscriptionCloseCode.TooSlow,
    `Too slow: more than ${maxBuffered} results were waiting to be sent`,
  );
  // The close frame queues behind what the client is not reading; do not wait for it.
  setTimeout(() => socket.terminate(), 1000).unref();
}
