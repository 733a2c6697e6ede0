import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { ConfigError } from '@play-economy/chassis';
import { describe, expect, it } from 'vitest';
import { loadRouterConfig } from '../../src/config.ts';

const SECRET = 'a-production-secret-of-32-characters!';

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
      },
    });
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
    });
    expect(config.cache).toEqual({
      enabled: false,
      amqpUrl: 'amqp://guest:guest@rabbitmq:5672',
      redisUrl: 'redis://redis:6379',
      keyPrefix: 'staging:',
      maxEntries: 500,
      maxTtlSeconds: 60,
      defaultMaxAge: 5,
    });
    expect(() => loadRouterConfig({ ROUTER_CACHE_MAX_ENTRIES: '0' })).toThrow(ConfigError);
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
    expect(() => loadRouterConfig({ NODE_ENV: 'production' })).toThrow(/ROUTER_SECRET/);
    expect(() => loadRouterConfig({ ROUTER_SECRET: 'short' })).toThrow(/ROUTER_SECRET/);
    expect(loadRouterConfig({ NODE_ENV: 'production', ROUTER_SECRET: SECRET }).routerSecret).toBe(
      SECRET,
    );
  });

  it('turns introspection and the Sandbox off in production', () => {
    const config = loadRouterConfig({ NODE_ENV: 'production', ROUTER_SECRET: SECRET });
    expect(config.introspection).toBe(false);
    expect(config.landingPage).toBe('production');
  });

  it('lets INTROSPECTION override the default', () => {
    expect(
      loadRouterConfig({ NODE_ENV: 'production', INTROSPECTION: 'true', ROUTER_SECRET: SECRET })
        .introspection,
    ).toBe(true);
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
