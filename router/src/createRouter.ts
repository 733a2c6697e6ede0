import {
  createLogger,
  healthRoutes,
  listen,
  localUrl,
  metricsRoute,
  ServiceMetrics,
  type Logger,
} from '@play-economy/chassis/web';
import type { Server } from 'node:http';
import express from 'express';
import {
  createAccessTokenVerifier,
  type AccessTokenVerifierOptions,
} from './auth/createAccessTokenVerifier.ts';
import { AuthorizingGateway } from './authorization/AuthorizingGateway.ts';
import { startEntityCache, type EntityCacheSettings } from './cache/startEntityCache.ts';
import type { CacheStats } from './cache/CacheStats.ts';
import { observeCacheStats } from './cache/observeCacheStats.ts';
import { FederatedEngine } from './engine/FederatedEngine.ts';
import { createRouterErrorFormatter } from './errors/createRouterErrorFormatter.ts';
import { clientAddresses } from './http/clientAddresses.ts';
import { InFlightRequests } from './http/InFlightRequests.ts';
import { serveGraphQLOverHttp } from './http/serveGraphQLOverHttp.ts';
import { serveSite, type SiteSettings } from './http/serveSite.ts';
import { RateLimits } from './limits/RateLimits.ts';
import { DEFAULT_REQUEST_LIMITS, type RequestLimitSettings } from './limits/RequestLimits.ts';
import { TrustedDocuments } from './limits/TrustedDocuments.ts';
import { OperationPipeline } from './pipeline/OperationPipeline.ts';
import { CacheLookupCounts } from './engine/CacheLookupCounts.ts';
import { SubgraphDataSource } from './subgraphs/SubgraphDataSource.ts';
import { SubgraphPools } from './subgraphs/SubgraphPools.ts';
import { serveFederatedSubscriptions } from './subscriptions/serveFederatedSubscriptions.ts';
import type { SubscriptionStats } from './subscriptions/SubscriptionStats.ts';
import { observeSubscriptionStats } from './subscriptions/observeSubscriptionStats.ts';
import type { PreparedSupergraph } from './supergraph/prepareSupergraph.ts';
import { watchSupergraphFile } from './supergraph/watchSupergraphFile.ts';

/** What a browser opening `GET /graphql` sees. */
export type LandingPage = 'sandbox' | 'production' | 'disabled';

export interface RouterOptions {
  /** Path of the Federation 2 supergraph SDL file to serve, e.g. `schema/supergraph.graphql`. */
  supergraphPath: string;
  /** TCP port to listen on; `0` picks a free one. Default `4000`. */
  port?: number;
  /** Interface to bind. Default `0.0.0.0`. */
  host?: string;
  /**
   * Routing URLs by subgraph name, replacing the URLs the supergraph was composed with (like
   * Apollo Router's `override_subgraph_url`). Subgraphs not named keep theirs.
   */
  subgraphUrls?: Readonly<Record<string, string>>;
  /** Answer introspection queries. Default `false`. */
  introspection?: boolean;
  /**
   * `sandbox`: Apollo Sandbox, for development; `production`: Apollo's static production page
   * without footer; `disabled`: none. Default `disabled`.
   */
  landingPage?: LandingPage;
  /** Reload the supergraph when its file changes. Default `true`. */
  watchSupergraph?: boolean;
  /**
   * Deadline of one subgraph request in milliseconds, from the call (including the wait for a
   * free connection) to the last byte of the answer. Default `30000`.
   */
  subgraphTimeoutMs?: number;
  /**
   * Most keep-alive connections open at once to each subgraph origin; further requests wait
   * for a free one. Default `128`.
   */
  subgraphConnections?: number;
  /**
   * Identical subgraph queries in flight at the same time for the same caller are sent once
   * and their answer shared (never mutations). Default `true`.
   */
  deduplicateSubgraphFetches?: boolean;
  /** Secret shared with the subgraphs, to sign the viewer forwarded to them. */
  routerSecret: string;
  /**
   * How to verify `Authorization: Bearer` access tokens (issuer's JWKS, `iss`, `aud`, ...).
   * Without it the router accepts no token: a request with an `Authorization` header is refused
   * with 401, and every caller is anonymous. Either way the supergraph's `@authenticated`,
   * `@requiresScopes` and `@policy` are enforced.
   */
  auth?: AccessTokenVerifierOptions;
  /** Logger for the router and the gateway. Default: a pino logger for service `router`. */
  logger?: Logger;
  /**
   * Metrics served at `/metrics`: operations, their latency, subgraph fetch latency. Default:
   * a registry of its own for service `router`. Pass one to add the router's other statistics.
   */
  metrics?: ServiceMetrics;
  /** The entity cache, invalidated by events (see {@link EntityCacheSettings}). Default: off. */
  cache?: EntityCacheSettings;
  /**
   * What executes query plans: `router`, the router's own engine, or `gateway`, plain
   * `@apollo/gateway`, the reference the engine is tested against. Default `router`.
   */
  engine?: RouterEngine;
  /**
   * What one request, or one caller, may cost: document limits, the maximum estimated cost,
   * rate limits, trusted documents, WebSocket limits. Unset settings take the defaults of
   * {@link DEFAULT_REQUEST_LIMITS}: all on, except trusted documents.
   */
  limits?: Partial<RequestLimitSettings>;
  /**
   * Proxies whose `X-Forwarded-For` the router believes (addresses, CIDR ranges, `loopback`,
   * ...): the client's address is then the first one before them. Default: none.
   */
  trustedProxies?: readonly string[];
  /**
   * A built single-page application to serve at the router's origin on the paths that are not
   * the router's own (`/graphql`, `/health/*`, `/metrics`), e.g. the web store for `npm start`.
   * Default: none. GraphQL requests never pass through it.
   */
  site?: SiteSettings;
}

export type RouterEngine = 'router' | 'gateway';

export interface RunningRouter {
  /** The `/graphql` URL, reachable from this machine. */
  url: string;
  /** The port actually bound. */
  port: number;
  /** The supergraph being served, with the SECURITY features the router must enforce. */
  readonly supergraph: PreparedSupergraph;
  /** The entity cache's counters (hits, misses, evictions, invalidation lag); undefined when off. */
  readonly cacheStats: CacheStats | undefined;
  /** Live counts of WebSocket subscriptions (clients, shared upstream streams, connections). */
  readonly subscriptions: Readonly<SubscriptionStats>;
  /** Stops taking requests, finishes in-flight ones and stops watching the supergraph. */
  stop(): Promise<void>;
}

/** Largest request body accepted, so one request cannot exhaust memory. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Serves a federated supergraph at `/graphql` (POST and GET) with `/health/live` and
 * `/health/ready`. Resolves once the supergraph is loaded and requests are served; rejects
 * naming the file when it cannot be read or is not a valid supergraph (the reason is the
 * error's `cause`).
 */
export async function createRouter(options: RouterOptions): Promise<RunningRouter> {
  const {
    supergraphPath,
    port = 4000,
    host = '0.0.0.0',
    subgraphUrls = {},
    introspection = false,
    landingPage = 'disabled',
    subgraphTimeoutMs = 30_000,
  } = options;
  const logger = options.logger ?? createLogger({ service: 'router' });
  const metrics = options.metrics ?? new ServiceMetrics('router');
  const subgraphFetchSeconds = metrics.histogram(
    'subgraph_fetch_duration_seconds',
    "Latency of the router's requests to each subgraph",
    ['subgraph', 'outcome'],
  );
  // Before listening: a bad setting (an algorithm that is not asymmetric, a manifest that
  // cannot be read) stops the start.
  const verify = options.auth && createAccessTokenVerifier(options.auth);
  const limits = { ...DEFAULT_REQUEST_LIMITS, ...options.limits };
  const trustedDocuments = TrustedDocuments.load(limits.trustedDocuments);
  const clientAddressOf = clientAddresses(options.trustedProxies ?? []);

  let supergraph: PreparedSupergraph | undefined;
  /** The supergraph last handed to the gateway, whose `gatewaySdl` the gateway reports back. */
  let handedOver: PreparedSupergraph | undefined;
  let gatewayLoaded = false;
  let stopping = false;

  const app = express();
  app.disable('x-powered-by');
  // GraphQL answers are per request; hashing each body for an ETag costs CPU for nothing.
  app.set('etag', false);
  app.use(
    healthRoutes({
      supergraph: () => {
        if (stopping) throw new Error('stopping');
        if (!gatewayLoaded) throw new Error('no supergraph loaded yet');
      },
    }),
  );
  app.use(metricsRoute(metrics));
  if (options.site) app.use(serveSite(options.site));
  let pipeline: OperationPipeline | undefined;
  const inFlight = new InFlightRequests();
  const graphql = serveGraphQLOverHttp({
    pipeline: () => pipeline,
    verify,
    landingPage: landingPageOf(landingPage),
    logger: logger.child({ component: 'http' }),
    maxBodyBytes: MAX_BODY_BYTES,
    clientAddressOf,
    inFlight,
  });
  // GraphQL requests skip Express: its routing and response helpers cost every request.
  // Listening before loading, liveness answers (and readiness says 503) during start-up.
  const { server: httpServer, port: boundPort } = await listen(
    (req, res) => (isGraphQLPath(req.url) ? graphql(req, res) : app(req, res)),
    port,
    host,
  );

  // @apollo/gateway reports usage data to Apollo unless told not to; a self-hosted router
  // sends nothing anywhere without its operator's consent (set the variable to `false` to opt in).
  process.env['APOLLO_TELEMETRY_DISABLED'] ??= 'true';
  const pools = new SubgraphPools(
    options.subgraphConnections === undefined ? {} : { connections: options.subgraphConnections },
  );
  const cache = await startEntityCache(
    options.cache ?? { enabled: false },
    logger.child({ component: 'cache' }),
  ).catch(async (error: unknown) => {
    await new Promise((resolve) => httpServer.close(resolve));
    throw error;
  });
  if (cache.stats) observeCacheStats(metrics, cache.stats);
  // Every subgraph call goes out through one of these, behind the entity cache.
  const dataSourceFor = ({ name, url }: { name: string; url: string }) =>
    new SubgraphDataSource({
      name,
      url,
      pools,
      routerSecret: options.routerSecret,
      timeoutMs: subgraphTimeoutMs,
      fetchSeconds: subgraphFetchSeconds,
      deduplicate: options.deduplicateSubgraphFetches ?? true,
    });
  const cacheLookups = new CacheLookupCounts();
  cacheLookups.observeIn(metrics);
  const engineOptions = {
    logger: logger.child({ component: 'engine' }),
    cacheLookups,
    supergraphSdl: watchSupergraphFile({
      path: supergraphPath,
      logger,
      watch: options.watchSupergraph ?? true,
      onLoad: (loaded) => {
        supergraph = loaded;
        logSupergraph(loaded, supergraphPath, subgraphUrls, logger);
      },
      onPrepare: (prepared) => {
        handedOver = prepared;
      },
    }),
    buildService: ({ name, url }: { name: string; url?: string }) =>
      cache.wrap(dataSourceFor({ name, url: subgraphUrls[name] ?? url ?? '' }), name),
  };
  // `@apollo/gateway` stays available as the reference the engine is tested against.
  const gatewayOrEngine =
    (options.engine ?? 'router') === 'router'
      ? new FederatedEngine(engineOptions)
      : // Loaded only when asked for: a router on its own engine does not carry it.
        new (await import('@apollo/gateway')).ApolloGateway(engineOptions);
  cache.track(gatewayOrEngine);
  const gateway = new AuthorizingGateway({
    gateway: gatewayOrEngine,
    supergraphOf: (sdl) => (handedOver?.gatewaySdl === sdl ? handedOver : undefined),
    logger: logger.child({ component: 'authorization' }),
  });
  // WebSocket `/graphql` on the same server; follows the supergraphs the gateway loads.
  const subscriptions = serveFederatedSubscriptions({
    httpServer,
    onSchemaLoadOrUpdate: (listener) => gateway.onSchemaLoadOrUpdate(listener),
    supergraphOf: (sdl) => (handedOver?.gatewaySdl === sdl ? handedOver : undefined),
    // One planner and one set of data sources (the entity cache's among them) for HTTP and
    // WebSocket; on `@apollo/gateway`, subscriptions plan on their own, through the cache too.
    runtimeFor:
      gatewayOrEngine instanceof FederatedEngine
        ? (apiSchema) => gatewayOrEngine.runtimeFor(apiSchema)
        : undefined,
    authorizationIndexFor: (apiSchema) => gateway.authorizationIndexFor(apiSchema),
    dataSourceFor: (endpoint) => cache.wrap(dataSourceFor(endpoint), endpoint.name),
    subgraphUrls,
    verify,
    pipeline: () => pipeline,
    clientAddressOf,
    maxConnectionsPerCaller: limits.maxConnectionsPerCaller,
    maxMessagesPerSecond: limits.maxMessagesPerSecond,
    routerSecret: options.routerSecret,
    logger: logger.child({ component: 'subscriptions' }),
  });
  observeSubscriptionStats(metrics, subscriptions.stats);
  // Readiness follows what the gateway actually serves, not what the file says.
  gateway.onSchemaLoadOrUpdate(() => {
    gatewayLoaded = true;
  });

  observeLimits(metrics, limits);
  const rateLimits = await RateLimits.create(
    limits.rateLimits,
    logger.child({ component: 'limits' }),
  );
  try {
    pipeline = await OperationPipeline.start({
      limits,
      rateLimits,
      trustedDocuments,
      gateway,
      introspection,
      formatError: createRouterErrorFormatter(logger),
      cachePolicies: cache.policies,
      responseCache: cache.responses,
      metrics,
      cacheLookups,
      logger,
    });
  } catch (error) {
    await subscriptions.stop();
    await rateLimits?.stop();
    await new Promise((resolve) => httpServer.close(resolve));
    await cache.stop();
    await pools.close();
    // The reason is in the cause; pino prints the chain as one message.
    throw new Error(`could not load the supergraph ${supergraphPath}`, { cause: error });
  }

  let stopped: Promise<void> | undefined;
  return {
    url: localUrl(host, boundPort, '/graphql'),
    port: boundPort,
    subscriptions: subscriptions.stats,
    get supergraph() {
      if (!supergraph) throw new Error('no supergraph loaded');
      return supergraph;
    },
    cacheStats: cache.stats,
    stop: () => {
      stopping = true;
      // WebSocket clients first: the HTTP drain does not see upgraded sockets.
      // The subgraph connections last: the drain and the subscriptions may still be using them.
      stopped ??= subscriptions
        .stop()
        .then(() => drain(httpServer, inFlight))
        .then(() => pipeline?.stop())
        .then(() => rateLimits?.stop())
        .then(() => cache.stop())
        .then(() => pools.close());
      return stopped;
    },
  };
}

/** The limits in force, at `/metrics` beside the refusals they cause (`0`: no limit). */
function observeLimits(metrics: ServiceMetrics, limits: RequestLimitSettings): void {
  const { document, rateLimits } = limits;
  const values: Record<string, number> = {
    max_document_length: document.maxLength,
    max_tokens: document.maxTokens,
    max_depth: document.maxDepth,
    max_aliases: document.maxAliases,
    max_root_fields: document.maxRootFields,
    max_directives: document.maxDirectives,
    max_cost: limits.maxCost,
    rate_limit_per_second: rateLimits.perMinute > 0 ? rateLimits.perSecond : 0,
    rate_limit_per_minute: rateLimits.perMinute,
    ws_max_connections_per_caller: limits.maxConnectionsPerCaller,
    ws_max_messages_per_second: limits.maxMessagesPerSecond,
  };
  metrics.observe({
    kind: 'gauge',
    name: 'router_request_limit',
    help: 'Request limits in force (0: none)',
    labelNames: ['limit'],
    read: () => Object.entries(values).map(([limit, value]) => ({ labels: { limit }, value })),
  });
}

function logSupergraph(
  loaded: PreparedSupergraph,
  path: string,
  overrides: Readonly<Record<string, string>>,
  logger: Logger,
): void {
  const names = loaded.subgraphs.map(({ name }) => name);
  logger.info(
    { path, subgraphs: names, securityFeatures: loaded.securityFeatures.map(({ url }) => url) },
    'supergraph loaded',
  );
  const unknown = Object.keys(overrides).filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    logger.warn({ unknown }, 'subgraph URL overrides name subgraphs the supergraph does not have');
  }
}

/** `/graphql` and its query string, the path GraphQL is served on. */
function isGraphQLPath(url: string | undefined): boolean {
  return url === '/graphql' || (url?.startsWith('/graphql?') ?? false);
}

/**
 * The landing page's HTML, rendered by Apollo Server's own landing page plugins (loaded on the
 * first browser visit, not by every router).
 */
function landingPageOf(landingPage: LandingPage): (() => Promise<string>) | undefined {
  if (landingPage === 'disabled') return undefined;
  return async () => {
    const plugins = await import('@apollo/server/plugin/landingPage/default');
    const plugin =
      landingPage === 'sandbox'
        ? plugins.ApolloServerPluginLandingPageLocalDefault()
        : plugins.ApolloServerPluginLandingPageProductionDefault({ footer: false });
    const listener = await plugin.serverWillStart?.({} as never);
    const page = await listener?.renderLandingPage?.();
    if (!page) throw new Error('the landing page plugin rendered nothing');
    return typeof page.html === 'string' ? page.html : page.html();
  };
}

/** How long requests in flight may take to finish once the router stops. */
const DRAIN_GRACE_MS = 10_000;

/**
 * Stops taking connections, closes the idle ones, and waits for the requests in flight, also
 * those whose client has gone (their fetches still need the subgraph connections); connections
 * still open after the grace period are cut.
 */
async function drain(httpServer: Server, inFlight: InFlightRequests): Promise<void> {
  const startedAt = Date.now();
  const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
  httpServer.closeIdleConnections();
  const timer = setTimeout(() => httpServer.closeAllConnections(), DRAIN_GRACE_MS);
  await closed;
  clearTimeout(timer);
  await inFlight.settled(Math.max(0, DRAIN_GRACE_MS - (Date.now() - startedAt)));
}
