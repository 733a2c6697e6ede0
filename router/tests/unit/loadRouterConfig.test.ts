import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { ConfigError } from '@play-economy/chassis';
import { describe, expect, it } from 'vitest';
import { loadRouterConfig } from '../../src/config.ts';

const SECRET = 'a-production-secret-of-32-characters!';
const AMQP_URL = 'amqp://guest:guest@rabbitmq:5672';
/** What production needs with the entity cache on: a secret and a broker. */
const production = { NODE_ENV: 'production', ROUTER_SECRET: SECRET, AMQP_URL };

describe('loadRouterConfig', () => {
  it('defaults to development on port 4000 serving this repository supergraph', () => {
    expect(loadRouterConfig({})).toEqual({
      port: 4000,
      host: '0.0.0.0',
      supergraphPath: fileURLToPath(new URL('../../../schema/supergraph.graphql', import.meta.url)),
      subgraphUrls: {},
      nodeEnv: 'development',
      logLevel: 'info',
      introspection: true,
      landingPage: 'sandbox',
      engine: 'router',
      deduplicateSubgraphFetches: true,
      routerSecret: expect.any(String),
      subgraphConnections: 128,
      auth: {
        jwksUrl: 'http://localhost:4002/.well-known/jwks.json',
        issuer: 'play-economy-identity',
        audience: 'play-economy',
        algorithms: ['ES256'],
        clockToleranceSeconds: 30,
      },
      cache: {
        enabled: true,
        amqpUrl: undefined,
        redisUrl: undefined,
        keyPrefix: 'play-economy:router-cache:',
        maxEntries: 10_000,
        maxTtlSeconds: 300,
        defaultMaxAge: 0,
        responses: { enabled: true, maxBytes: 262_144 },
      },
      trustedProxies: [],
      limits: {
        document: {
          maxLength: 32_768,
          maxTokens: 2_000,
          maxDepth: 12,
          maxAliases: 30,
          maxRootFields: 20,
          maxDirectives: 50,
        },
        maxCost: 5_000,
        defaultListSize: 10,
        rateLimits: {
          perMinute: 1000,
          perSecond: 50,
          redisUrl: undefined,
          keyPrefix: 'play-economy:router-rate:',
        },
        trustedDocuments: { mode: 'off', manifestPath: undefined },
        maxConnectionsPerCaller: 20,
        maxMessagesPerSecond: 20,
      },
    });
  });

  it('reads the request limits, rate limits sharing the entity cache Redis', () => {
    const config = loadRouterConfig({
      REDIS_URL: 'redis://redis:6379',
      ROUTER_MAX_DEPTH: '8',
      ROUTER_MAX_ALIASES: '0',
      ROUTER_MAX_COST: '0',
      ROUTER_RATE_LIMIT_PER_MINUTE: '120',
      ROUTER_RATE_LIMIT_PER_SECOND: '5',
      ROUTER_RATE_LIMIT_KEY_PREFIX: 'staging:rate:',
      ROUTER_TRUSTED_DOCUMENTS: 'enforce',
      ROUTER_TRUSTED_DOCUMENTS_PATH: 'manifest.json',
      ROUTER_TRUSTED_PROXIES: '10.0.0.0/8, loopback',
    });
    expect(config.limits.document.maxDepth).toBe(8);
    expect(config.limits.document.maxAliases).toBe(0);
    expect(config.limits.maxCost).toBe(0);
    expect(config.limits.rateLimits).toEqual({
      perMinute: 120,
      perSecond: 5,
      redisUrl: 'redis://redis:6379',
      keyPrefix: 'staging:rate:',
    });
    expect(config.limits.trustedDocuments).toEqual({
      mode: 'enforce',
      manifestPath: resolve('manifest.json'),
    });
    expect(config.trustedProxies).toEqual(['10.0.0.0/8', 'loopback']);
  });

  it('refuses a trusted documents mode it does not know, naming the variable', () => {
    expect(() => loadRouterConfig({ ROUTER_TRUSTED_DOCUMENTS: 'strict' })).toThrow(
      /ROUTER_TRUSTED_DOCUMENTS/,
    );
  });

  it('reads the entity cache settings', () => {
    const config = loadRouterConfig({
      AMQP_URL: 'amqp://guest:guest@rabbitmq:5672',
      REDIS_URL: 'redis://redis:6379',
      ROUTER_CACHE: 'false',
      ROUTER_CACHE_MAX_ENTRIES: '500',
      ROUTER_CACHE_MAX_TTL_SECONDS: '60',
      ROUTER_CACHE_DEFAULT_MAX_AGE: '5',
      ROUTER_CACHE_KEY_PREFIX: 'staging:',
      ROUTER_RESPONSE_CACHE: 'false',
      ROUTER_RESPONSE_CACHE_MAX_BYTES: '65536',
    });
    expect(config.cache).toEqual({
      enabled: false,
      amqpUrl: 'amqp://guest:guest@rabbitmq:5672',
      redisUrl: 'redis://redis:6379',
      keyPrefix: 'staging:',
      maxEntries: 500,
      maxTtlSeconds: 60,
      defaultMaxAge: 5,
      responses: { enabled: false, maxBytes: 65_536 },
    });
    expect(() => loadRouterConfig({ ROUTER_CACHE_MAX_ENTRIES: '0' })).toThrow(ConfigError);
    expect(() => loadRouterConfig({ ROUTER_RESPONSE_CACHE_MAX_BYTES: '0' })).toThrow(
      /ROUTER_RESPONSE_CACHE_MAX_BYTES/,
    );
  });

  it('reads how to verify access tokens', () => {
    const config = loadRouterConfig({
      JWKS_URL: 'http://identity:4002/.well-known/jwks.json',
      JWT_ISSUER: 'issuer',
      JWT_AUDIENCE: 'audience',
      JWT_ALGORITHMS: 'ES256, EdDSA',
      JWT_CLOCK_SKEW_SECONDS: '5',
    });
    expect(config.auth).toEqual({
      jwksUrl: 'http://identity:4002/.well-known/jwks.json',
      issuer: 'issuer',
      audience: 'audience',
      algorithms: ['ES256', 'EdDSA'],
      clockToleranceSeconds: 5,
    });
  });

  it('refuses token algorithms that are not asymmetric, and a bad JWKS URL', () => {
    for (const value of ['none', 'HS256', 'ES256,HS512', '']) {
      expect(() => loadRouterConfig({ JWT_ALGORITHMS: value })).toThrow(/JWT_ALGORITHMS/);
    }
    expect(() => loadRouterConfig({ JWKS_URL: 'not a url' })).toThrow(/JWKS_URL/);
    expect(() => loadRouterConfig({ JWT_CLOCK_SKEW_SECONDS: '-1' })).toThrow(
      /JWT_CLOCK_SKEW_SECONDS/,
    );
  });

  it('requires a ROUTER_SECRET of at least 32 characters in production', () => {
    expect(() => loadRouterConfig({ NODE_ENV: 'production', AMQP_URL })).toThrow(/ROUTER_SECRET/);
    expect(() => loadRouterConfig({ ROUTER_SECRET: 'short' })).toThrow(/ROUTER_SECRET/);
    expect(loadRouterConfig(production).routerSecret).toBe(SECRET);
  });

  it('refuses production without AMQP_URL while the entity cache is on', () => {
    const { AMQP_URL: _unset, ...withoutBroker } = production;
    expect(() => loadRouterConfig(withoutBroker)).toThrow(ConfigError);
    expect(() => loadRouterConfig(withoutBroker)).toThrow(
      /AMQP_URL: required in production: without it no event could evict the entity cache.*ROUTER_CACHE=false/,
    );
    expect(() => loadRouterConfig({ ...withoutBroker, ROUTER_CACHE: 'true' })).toThrow(/AMQP_URL/);
    // The cache off explicitly, or the embedded mode allowed: nothing to hear events for.
    expect(loadRouterConfig({ ...withoutBroker, ROUTER_CACHE: 'false' }).cache.enabled).toBe(false);
    expect(
      loadRouterConfig({ ...withoutBroker, ALLOW_EMBEDDED_IN_PRODUCTION: 'true' }).cache,
    ).toMatchObject({ enabled: true, amqpUrl: undefined });
    // Outside production the cache turns itself off without a broker, as before.
    expect(loadRouterConfig({}).cache).toMatchObject({ enabled: true, amqpUrl: undefined });
  });

  it('turns introspection and the Sandbox off in production', () => {
    const config = loadRouterConfig(production);
    expect(config.introspection).toBe(false);
    expect(config.landingPage).toBe('production');
  });

  it('lets INTROSPECTION override the default', () => {
    expect(loadRouterConfig({ ...production, INTROSPECTION: 'true' }).introspection).toBe(true);
    expect(loadRouterConfig({ INTROSPECTION: '0' }).introspection).toBe(false);
  });

  it('reads SUBGRAPH_URLS and resolves SUPERGRAPH_PATH against the working directory', () => {
    const config = loadRouterConfig({
      SUBGRAPH_URLS: 'catalog=http://catalog:4001/graphql',
      SUPERGRAPH_PATH: 'some/supergraph.graphql',
      ROUTER_PORT: '8080',
    });
    expect(config.subgraphUrls).toEqual({ catalog: 'http://catalog:4001/graphql' });
    expect(config.supergraphPath).toBe(resolve('some/supergraph.graphql'));
    expect(config.port).toBe(8080);
  });

  it('serves a site only when ROUTER_SITE_DIRECTORY names one, resolved like SUPERGRAPH_PATH', () => {
    expect(loadRouterConfig({}).site).toBeUndefined();
    expect(loadRouterConfig({ ROUTER_SITE_DIRECTORY: 'web/dist' }).site).toEqual({
      directory: resolve('web/dist'),
    });
    expect(() => loadRouterConfig({ ROUTER_SITE_DIRECTORY: '' })).toThrow(/ROUTER_SITE_DIRECTORY/);
  });

  it('reads how many connections to open to each subgraph', () => {
    expect(loadRouterConfig({ ROUTER_SUBGRAPH_CONNECTIONS: '16' }).subgraphConnections).toBe(16);
    expect(() => loadRouterConfig({ ROUTER_SUBGRAPH_CONNECTIONS: '0' })).toThrow(
      /ROUTER_SUBGRAPH_CONNECTIONS/,
    );
  });

  it('names every bad variable', () => {
    const load = () =>
      loadRouterConfig({ ROUTER_PORT: '70000', SUBGRAPH_URLS: 'catalog', INTROSPECTION: 'maybe' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/ROUTER_PORT[\s\S]*SUBGRAPH_URLS: "catalog" is not of the form name=url/);
    expect(load).toThrow(/INTROSPECTION/);
  });
});
