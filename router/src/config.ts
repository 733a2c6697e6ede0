import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import {
  infrastructureConfig,
  loadConfig,
  logLevel,
  optionalUrl,
  port,
  refusePublishedSecretsInProduction,
  requireInfrastructureInProduction,
  routerSecretConfig,
  routerSecretOf,
  telemetryConfig,
  z,
} from '@play-economy/chassis/web';
import {
  ASYMMETRIC_ALGORITHMS,
  type AccessTokenAlgorithm,
} from './auth/createAccessTokenVerifier.ts';
import type { LandingPage } from './createRouter.ts';
import { DEFAULT_REQUEST_LIMITS } from './limits/RequestLimits.ts';
import { parseSubgraphUrls } from './subgraphs/parseSubgraphUrls.ts';

/** This repository's composed supergraph, found from the router package, not the cwd. */
const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(
  new URL('../../schema/supergraph.graphql', import.meta.url),
);

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/** `ES256,RS256`: signature algorithms access tokens may use; asymmetric ones only. */
const algorithms = z
  .string()
  .default('ES256')
  .transform((value, context) => {
    const names = value
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    const refused = names.filter(
      (name) => !(ASYMMETRIC_ALGORITHMS as readonly string[]).includes(name),
    );
    if (refused.length > 0 || names.length === 0) {
      context.addIssue({
        code: 'custom',
        message: `must list asymmetric JWS algorithms (${ASYMMETRIC_ALGORITHMS.join(', ')}); refused: ${refused.join(', ') || 'none given'}`,
      });
      return z.NEVER;
    }
    return [...new Set(names)] as AccessTokenAlgorithm[];
  });

const { document: documentDefaults, rateLimits: rateDefaults } = DEFAULT_REQUEST_LIMITS;

/** A count setting: a whole number from `min`, defaulting to `fallback`. */
const count = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);

/** `a,b,c`: a list of names or addresses. */
const list = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  );

const routerEnv = z
  .object({
    ROUTER_PORT: port(4000),
    ROUTER_HOST: z.string().min(1).default('0.0.0.0'),
    SUPERGRAPH_PATH: z.string().min(1).default(DEFAULT_SUPERGRAPH_PATH),
    /** `name=url,name=url`: routing URLs replacing the compose-time ones. */
    SUBGRAPH_URLS: z
      .string()
      .default('')
      .transform((value, context) => {
        try {
          return parseSubgraphUrls(value);
        } catch (error) {
          context.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      }),
    NODE_ENV: infrastructureConfig.NODE_ENV,
    LOG_LEVEL: logLevel(),
    /** Defaults to on, except in production. */
    INTROSPECTION: flag.optional(),
    ...routerSecretConfig,
    ...telemetryConfig,
    /** The identity service's key set, to verify access tokens with. */
    JWKS_URL: z.url().default('http://localhost:4002/.well-known/jwks.json'),
    JWT_ISSUER: z.string().min(1).default('play-economy-identity'),
    JWT_AUDIENCE: z.string().min(1).default('play-economy'),
    JWT_ALGORITHMS: algorithms,
    /** Leeway for `exp`, `nbf` and `iat`. */
    JWT_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
    /** RabbitMQ, to hear the events that invalidate the entity cache. */
    AMQP_URL: infrastructureConfig.AMQP_URL,
    /** Production without `AMQP_URL` and the cache on: the cache off rather than a refusal. */
    ALLOW_EMBEDDED_IN_PRODUCTION: infrastructureConfig.ALLOW_EMBEDDED_IN_PRODUCTION,
    /** Redis shared by router instances for the entity cache; unset: in memory. */
    REDIS_URL: optionalUrl(),
    /** The entity cache; on by default. */
    ROUTER_CACHE: flag.default(true),
    ROUTER_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).default(10_000),
    ROUTER_CACHE_MAX_TTL_SECONDS: z.coerce.number().int().min(1).default(300),
    ROUTER_CACHE_DEFAULT_MAX_AGE: z.coerce.number().int().min(0).default(0),
    ROUTER_CACHE_KEY_PREFIX: z.string().min(1).default('play-economy:router-cache:'),
    /** Whole answers of cacheable operations, when the entity cache is on; on by default. */
    ROUTER_RESPONSE_CACHE: flag.default(true),
    ROUTER_RESPONSE_CACHE_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1)
      .default(256 * 1024),
    /** `router` (its own engine) or `gateway` (plain @apollo/gateway, the reference). */
    ROUTER_ENGINE: z.enum(['router', 'gateway']).default('router'),
    /** Keep-alive connections open at once to each subgraph origin. */
    ROUTER_SUBGRAPH_CONNECTIONS: z.coerce.number().int().min(1).max(10_000).default(128),
    /** Share identical subgraph queries in flight for the same caller. */
    ROUTER_DEDUPLICATE_FETCHES: flag.default(true),
    ROUTER_MAX_DOCUMENT_LENGTH: count(documentDefaults.maxLength),
    ROUTER_MAX_TOKENS: count(documentDefaults.maxTokens),
    ROUTER_MAX_DEPTH: count(documentDefaults.maxDepth),
    ROUTER_MAX_ALIASES: count(documentDefaults.maxAliases, 0),
    ROUTER_MAX_ROOT_FIELDS: count(documentDefaults.maxRootFields),
    ROUTER_MAX_DIRECTIVES: count(documentDefaults.maxDirectives, 0),
    /** Highest estimated cost of an operation; `0` for no maximum. */
    ROUTER_MAX_COST: count(DEFAULT_REQUEST_LIMITS.maxCost, 0),
    ROUTER_DEFAULT_LIST_SIZE: count(DEFAULT_REQUEST_LIMITS.defaultListSize),
    /** Operations per caller per minute; `0` turns rate limits off. */
    ROUTER_RATE_LIMIT_PER_MINUTE: count(rateDefaults.perMinute, 0),
    ROUTER_RATE_LIMIT_PER_SECOND: count(rateDefaults.perSecond),
    /** Prefix of the rate limits' Redis keys: routers sharing it share their callers' budgets. */
    ROUTER_RATE_LIMIT_KEY_PREFIX: z.string().min(1).default('play-economy:router-rate:'),
    ROUTER_TRUSTED_DOCUMENTS: z.enum(['off', 'log', 'enforce']).default('off'),
    /** The trusted documents manifest (id → document JSON). */
    ROUTER_TRUSTED_DOCUMENTS_PATH: z.string().min(1).optional(),
    /**
     * A built single-page application (its `index.html` at the root) to serve at the router's
     * origin, e.g. the web store's `web/dist`; unset: none.
     */
    ROUTER_SITE_DIRECTORY: z.string().min(1).optional(),
    /** Proxies whose `X-Forwarded-For` is believed: addresses, CIDRs, `loopback`, ... */
    ROUTER_TRUSTED_PROXIES: list,
    ROUTER_WS_MAX_CONNECTIONS_PER_CALLER: count(DEFAULT_REQUEST_LIMITS.maxConnectionsPerCaller),
    ROUTER_WS_MAX_MESSAGES_PER_SECOND: count(DEFAULT_REQUEST_LIMITS.maxMessagesPerSecond),
  })
  .superRefine(refusePublishedSecretsInProduction())
  .superRefine((env, context) => {
    // Elsewhere the cache turns itself off without a bus to evict it; production says so first.
    if (!env.ROUTER_CACHE) return;
    requireInfrastructureInProduction(['AMQP_URL'], {
      AMQP_URL:
        'no event could evict the entity cache, so it would be off (ROUTER_CACHE=false turns it off explicitly)',
    })(env, context);
  })
  .transform((env) => {
    const production = env.NODE_ENV === 'production';
    const landingPage: LandingPage = production ? 'production' : 'sandbox';
    return {
      port: env.ROUTER_PORT,
      host: env.ROUTER_HOST,
      supergraphPath: resolve(env.SUPERGRAPH_PATH),
      subgraphUrls: env.SUBGRAPH_URLS,
      nodeEnv: env.NODE_ENV,
      logLevel: env.LOG_LEVEL,
      introspection: env.INTROSPECTION ?? !production,
      landingPage,
      routerSecret: routerSecretOf(env),
      engine: env.ROUTER_ENGINE,
      subgraphConnections: env.ROUTER_SUBGRAPH_CONNECTIONS,
      deduplicateSubgraphFetches: env.ROUTER_DEDUPLICATE_FETCHES,
      trustedProxies: env.ROUTER_TRUSTED_PROXIES,
      ...(env.ROUTER_SITE_DIRECTORY
        ? { site: { directory: resolve(env.ROUTER_SITE_DIRECTORY) } }
        : {}),
      limits: {
        document: {
          maxLength: env.ROUTER_MAX_DOCUMENT_LENGTH,
          maxTokens: env.ROUTER_MAX_TOKENS,
          maxDepth: env.ROUTER_MAX_DEPTH,
          maxAliases: env.ROUTER_MAX_ALIASES,
          maxRootFields: env.ROUTER_MAX_ROOT_FIELDS,
          maxDirectives: env.ROUTER_MAX_DIRECTIVES,
        },
        maxCost: env.ROUTER_MAX_COST,
        defaultListSize: env.ROUTER_DEFAULT_LIST_SIZE,
        rateLimits: {
          perMinute: env.ROUTER_RATE_LIMIT_PER_MINUTE,
          perSecond: env.ROUTER_RATE_LIMIT_PER_SECOND,
          redisUrl: env.REDIS_URL,
          keyPrefix: env.ROUTER_RATE_LIMIT_KEY_PREFIX,
        },
        trustedDocuments: {
          mode: env.ROUTER_TRUSTED_DOCUMENTS,
          manifestPath: env.ROUTER_TRUSTED_DOCUMENTS_PATH
            ? resolve(env.ROUTER_TRUSTED_DOCUMENTS_PATH)
            : undefined,
        },
        maxConnectionsPerCaller: env.ROUTER_WS_MAX_CONNECTIONS_PER_CALLER,
        maxMessagesPerSecond: env.ROUTER_WS_MAX_MESSAGES_PER_SECOND,
      },
      auth: {
        jwksUrl: env.JWKS_URL,
        issuer: env.JWT_ISSUER,
        audience: env.JWT_AUDIENCE,
        algorithms: env.JWT_ALGORITHMS,
        clockToleranceSeconds: env.JWT_CLOCK_SKEW_SECONDS,
      },
      cache: {
        enabled: env.ROUTER_CACHE,
        amqpUrl: env.AMQP_URL,
        redisUrl: env.REDIS_URL,
        keyPrefix: env.ROUTER_CACHE_KEY_PREFIX,
        maxEntries: env.ROUTER_CACHE_MAX_ENTRIES,
        maxTtlSeconds: env.ROUTER_CACHE_MAX_TTL_SECONDS,
        defaultMaxAge: env.ROUTER_CACHE_DEFAULT_MAX_AGE,
        responses: {
          enabled: env.ROUTER_RESPONSE_CACHE,
          maxBytes: env.ROUTER_RESPONSE_CACHE_MAX_BYTES,
        },
      },
    };
  });

export type RouterConfig = z.infer<typeof routerEnv>;

/** The router's settings from the environment; throws `ConfigError` naming each bad variable. */
export function loadRouterConfig(
  env: Record<string, string | undefined> = process.env,
): RouterConfig {
  return loadConfig(routerEnv, env);
}
