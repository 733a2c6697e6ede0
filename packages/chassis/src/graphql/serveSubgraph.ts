import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import express from 'express';
import type { DocumentNode } from 'graphql';
import type { Logger } from 'pino';
import { createErrorFormatter } from '../errors/formatError.ts';
import { healthRoutes, type ReadinessCheck } from '../health/healthRoutes.ts';
import { verifyViewer, VIEWER_HEADER, type Viewer } from '../auth/Viewer.ts';
import { ErrorCode } from '../errors/DomainError.ts';
import { createServer } from 'node:http';
import { bind, localUrl } from '../http/listen.ts';
import { requestIdOf } from '../http/requestIdOf.ts';
import { graphqlMetricsPlugin } from '../metrics/graphqlMetricsPlugin.ts';
import { metricsRoute } from '../metrics/metricsRoute.ts';
import { observeSubgraphSubscriptions } from '../metrics/observeSubgraphSubscriptions.ts';
import type { ServiceMetrics } from '../metrics/ServiceMetrics.ts';
import { traceGraphQLRequests } from '../telemetry/traceGraphQLRequests.ts';
import { serveSubscriptions } from './serveSubscriptions.ts';

/** @apollo/subgraph's resolver map type, which its package entry point does not export. */
type SubgraphResolverMap = Extract<
  Parameters<typeof buildSubgraphSchema>[0],
  { typeDefs: DocumentNode }
>['resolvers'];

/** What every request's context carries, whatever the subgraph adds to it. */
export interface RequestContext {
  /** A logger whose lines carry this request's id. */
  logger: Logger;
  requestId: string;
  /** The caller as the router verified it; null when anonymous. */
  viewer: Viewer | null;
  /** The client's address, as the router attests it. */
  clientIp: string | undefined;
}

/** What a {@link PublicRoute} answers: a JSON body, with optional status and headers. */
export interface PublicResponse {
  /** Defaults to 200. */
  status?: number;
  /** Extra response headers, e.g. `Cache-Control`. */
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body: unknown;
}

/**
 * A read-only JSON endpoint served beside `/graphql` to any caller, without the router's
 * signed viewer: for documents meant to be public, such as a JWKS. It answers GET (and HEAD).
 */
export interface PublicRoute {
  /** Absolute path, e.g. `/.well-known/jwks.json`. */
  path: string;
  /** Builds the response; a rejection is logged and answered with a bare 500. */
  handler: () => PublicResponse | Promise<PublicResponse>;
}

export interface ServeSubgraphOptions<TContext extends RequestContext> {
  /** Subgraph SDL, with its federation `@link`. */
  typeDefs: DocumentNode;
  /** Resolvers typed by codegen for this subgraph's schema and context. */
  resolvers: object;
  /** Builds the per-request context from the common part. */
  context: (base: RequestContext) => TContext | Promise<TContext>;
  port: number;
  host: string;
  /** Shared with the router: requests without its signed viewer header are refused. */
  routerSecret: string;
  logger: Logger;
  /** Dependencies whose reachability `/health/ready` reports (store, broker, ...). */
  readiness: Record<string, ReadinessCheck>;
  /** Endpoints anyone may call, mounted outside the router-only check of `/graphql`. */
  publicRoutes?: readonly PublicRoute[];
  /**
   * The service's metrics (usually `runtime.metrics`): served at `/metrics`, with every
   * operation counted and timed. Without it there is no `/metrics`.
   */
  metrics?: ServiceMetrics;
}

export interface RunningSubgraph {
  /** The `/graphql` URL, reachable from this machine. */
  url: string;
  port: number;
  /** Stops accepting requests and waits for in-flight ones to finish. */
  stop(): Promise<void>;
}

/**
 * Serves a subgraph schema over HTTP at `/graphql`, with health routes. Subgraphs are called
 * by the router only, so there is no landing page; errors go through the chassis formatter.
 * The port opens last, once every route is mounted.
 */
export async function serveSubgraph<TContext extends RequestContext>(
  options: ServeSubgraphOptions<TContext>,
): Promise<RunningSubgraph> {
  const { logger } = options;
  const app = express();
  app.disable('x-powered-by');
  // Bound only once every route below is mounted: a (re)starting subgraph answers requests
  // fully or refuses the connection, never 404.
  const httpServer = createServer(app);

  const schema = buildSubgraphSchema({
    typeDefs: options.typeDefs,
    // Codegen's resolver types are stricter than @apollo/subgraph's loose resolver map.
    resolvers: options.resolvers as SubgraphResolverMap,
  });
  // A schema with a Subscription type is also served over WebSocket, to the router only.
  const subscriptions =
    schema.getSubscriptionType() &&
    serveSubscriptions({
      httpServer,
      schema,
      routerSecret: options.routerSecret,
      logger,
      context: options.context,
      ...(options.metrics ? { service: options.metrics.service } : {}),
    });
  if (options.metrics) observeSubgraphSubscriptions(options.metrics, subscriptions || undefined);
  const apollo = new ApolloServer<TContext>({
    schema,
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    // The entry point owns shutdown (shutdownOnSignals); Apollo's own handler would re-raise.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Federated traces are for Apollo's hosted usage reporting, which is not used here.
      ApolloServerPluginInlineTraceDisabled(),
      ...(options.metrics ? [graphqlMetricsPlugin<TContext>(options.metrics)] : []),
    ],
    logger,
  });
  await apollo.start();

  app.use(healthRoutes(options.readiness));
  if (options.metrics) app.use(metricsRoute(options.metrics));
  for (const route of options.publicRoutes ?? []) {
    app.get(route.path, async (_req, res) => {
      try {
        const { status = 200, headers = {}, body } = await route.handler();
        res.status(status).set(headers).json(body);
      } catch (error) {
        logger.error({ err: error, path: route.path }, 'public route failed');
        res.status(500).json({ error: 'Internal server error' });
      }
    });
  }
  app.use(
    '/graphql',
    // Only the router may call a subgraph: it alone can sign the viewer header.
    (req, res, next) => {
      const verification = verifyViewer(req.get(VIEWER_HEADER), options.routerSecret);
      if (verification.ok) {
        res.locals['viewer'] = verification.viewer;
        res.locals['clientIp'] = verification.origin.clientIp;
        return next();
      }
      logger.warn(
        { reason: verification.reason, ip: req.ip },
        'refused a request not from the router',
      );
      res.status(401).json({
        errors: [
          {
            message: 'Subgraphs answer the router only; send requests to the router',
            extensions: { code: ErrorCode.Unauthenticated },
          },
        ],
      });
    },
    express.json({ limit: '1mb' }),
    traceGraphQLRequests(options.metrics?.service ?? 'subgraph'),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = requestIdOf(req);
        const viewer = res.locals['viewer'] as Viewer | null;
        return options.context({
          requestId,
          viewer,
          clientIp: res.locals['clientIp'] as string | undefined,
          logger: logger.child({ requestId, ...(viewer ? { userId: viewer.userId } : {}) }),
        });
      },
    }),
  );

  let port: number;
  try {
    ({ port } = await bind(httpServer, options.port, options.host));
  } catch (error) {
    await subscriptions?.stop();
    // Its drain plugin would close a server that never listened: nothing to wait for.
    await apollo.stop().catch(() => undefined);
    throw error;
  }
  const url = localUrl(options.host, port, '/graphql');
  logger.info({ url }, 'subgraph listening');
  return {
    url,
    port,
    stop: async () => {
      await subscriptions?.stop();
      await apollo.stop();
    },
  };
}
