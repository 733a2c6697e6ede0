import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import {
  getOperationAST,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from 'pino';
import { verifyViewer, VIEWER_HEADER, type RequestOrigin, type Viewer } from '../auth/Viewer.ts';
import { ErrorCode } from '../errors/DomainError.ts';
import { createErrorFormatter } from '../errors/formatError.ts';
import { SubscriptionTrace } from '../telemetry/SubscriptionTrace.ts';
import { executeSubscription } from './executeSubscription.ts';
import type { RequestContext } from './serveSubgraph.ts';

/** Extension of a `subscribe` message naming the request id the router gave the operation. */
export const REQUEST_ID_EXTENSION = 'requestId';

export interface ServeSubscriptionsOptions<TContext extends RequestContext> {
  /** The subgraph's HTTP server: WebSocket upgrades of `/graphql` on it are taken here. */
  httpServer: Server;
  schema: GraphQLSchema;
  /** Shared with the router, which alone may open these connections. */
  routerSecret: string;
  /** Builds each operation's context, as for HTTP requests. */
  context: (base: RequestContext) => TContext | Promise<TContext>;
  logger: Logger;
  /** `play_economy.service` of the subscription spans. Default `subgraph`. */
  service?: string;
}

export interface RunningSubscriptions {
  /** Connections open now. */
  connectionCount(): number;
  /** Subscriptions running now, on every connection. */
  activeCount(): number;
  /** Closes every connection with `1001 Going away` and stops taking new ones. */
  stop(): Promise<void>;
}

interface Verified {
  viewer: Viewer | null;
  origin: RequestOrigin;
}

/**
 * Serves the subgraph's subscriptions over `graphql-transport-ws` on `/graphql`, same port as
 * HTTP, to the router only. `connection_init` must carry the router's signed viewer under
 * `x-play-economy-viewer`, checked like the HTTP header; a connection without a valid one is
 * closed with `4403 Forbidden`. The router multiplexes its callers' subscriptions on one
 * connection, so each `subscribe` names its caller in `extensions['x-play-economy-viewer']`,
 * signed the same way (without one, the connection's viewer applies). Queries and mutations
 * are refused here: they go over HTTP. Each subscription continues the W3C trace context the
 * router put in its `extensions` (see {@link SubscriptionTrace}), and each result carries the
 * `traceparent` of the span its event was resolved in.
 */
export function serveSubscriptions<TContext extends RequestContext>(
  options: ServeSubscriptionsOptions<TContext>,
): RunningSubscriptions {
  const { schema, routerSecret, logger } = options;
  const formatError = createErrorFormatter(logger);
  const connections = new WeakMap<object, Verified>();
  // What onSubscribe started, found again by the arguments it returned to graphql-ws.
  const traces = new WeakMap<ExecutionArgs, SubscriptionTrace>();
  let active = 0;
  const wsServer = new WebSocketServer({
    server: options.httpServer,
    path: '/graphql',
    // The HTTP body limit of `/graphql`, for the same reason.
    maxPayload: 1024 * 1024,
  });
  const server = useServer(
    {
      schema,
      onConnect: ({ connectionParams, extra }) => {
        const verification = verifyViewer(
          stringParam(connectionParams, VIEWER_HEADER),
          routerSecret,
        );
        if (!verification.ok) {
          logger.warn(
            { reason: verification.reason, ip: extra.request.socket.remoteAddress },
            'refused a WebSocket connection not from the router',
          );
          return false;
        }
        connections.set(extra.socket, { viewer: verification.viewer, origin: verification.origin });
        return true;
      },
      onSubscribe: async ({ extra }, _id, payload) => {
        const trace = new SubscriptionTrace({
          service: options.service ?? 'subgraph',
          operationName: payload.operationName ?? undefined,
          carriers: [payload.extensions],
        });
        const args = await subscriptionArgs(extra.socket, payload);
        if (Array.isArray(args)) trace.end(args);
        else traces.set(args as ExecutionArgs, trace);
        return args;
      },
      subscribe: async (args) => {
        const trace = traces.get(args);
        if (!trace) throw new Error('subscription started without onSubscribe');
        const result = await executeSubscription(args, {
          trace,
          onEnd: () => {
            active -= 1;
          },
        });
        if (Symbol.asyncIterator in result) active += 1;
        return result;
      },
      // Errors leave through the chassis formatter, as over HTTP: codes kept, internals hidden.
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

  /** The execution arguments of a `subscribe`, or why it is refused. */
  async function subscriptionArgs(
    socket: object,
    payload: SubscribePayload,
  ): Promise<ExecutionArgs | readonly GraphQLError[]> {
    const connection = connections.get(socket);
    if (!connection) return [new GraphQLError('Connection not initialised')];
    let caller = connection;
    const signed = stringParam(payload.extensions, VIEWER_HEADER);
    if (signed !== undefined) {
      const verification = verifyViewer(signed, routerSecret);
      if (!verification.ok) {
        logger.warn({ reason: verification.reason }, 'refused a subscription not from the router');
        return [unauthenticated()];
      }
      caller = { viewer: verification.viewer, origin: verification.origin };
    }
    let document: DocumentNode;
    try {
      document = parse(payload.query);
    } catch (error) {
      return [error instanceof GraphQLError ? error : new GraphQLError('Syntax error')];
    }
    const errors = validate(schema, document);
    if (errors.length > 0) return errors;
    const operation = getOperationAST(document, payload.operationName);
    if (operation?.operation !== 'subscription') {
      return [new GraphQLError('Only subscriptions are served over WebSocket; use HTTP')];
    }
    const requestId = requestIdOf(payload.extensions);
    const { viewer } = caller;
    const contextValue = await options.context({
      requestId,
      viewer,
      clientIp: caller.origin.clientIp,
      logger: logger.child({ requestId, ...(viewer ? { userId: viewer.userId } : {}) }),
    });
    return {
      schema,
      document,
      contextValue,
      ...(payload.operationName ? { operationName: payload.operationName } : {}),
      ...(payload.variables ? { variableValues: payload.variables } : {}),
    };
  }
  let stopped: Promise<void> | undefined;
  return {
    connectionCount: () => wsServer.clients.size,
    activeCount: () => active,
    stop: () => {
      stopped ??= Promise.resolve(server.dispose());
      return stopped;
    },
  };
}

function stringParam(params: unknown, name: string): string | undefined {
  if (typeof params !== 'object' || params === null) return undefined;
  const value = (params as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

function requestIdOf(extensions: unknown): string {
  const given = stringParam(extensions, REQUEST_ID_EXTENSION);
  return given !== undefined && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
}

function unauthenticated(): GraphQLError {
  return new GraphQLError('Subgraphs answer the router only; subscribe through the router', {
    extensions: { code: ErrorCode.Unauthenticated },
  });
}
