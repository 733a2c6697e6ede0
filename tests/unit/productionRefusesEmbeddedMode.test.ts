/**
 * Every service applies the chassis rules for production: it runs on MongoDB and RabbitMQ
 * (started with `NODE_ENV=production` and a URL missing, its config refuses, naming the
 * variable), and on secrets of its own (a published development value is refused).
 */
import { readFileSync } from 'node:fs';
import { ConfigError, DEVELOPMENT_ADMIN_PASSWORD } from '@play-economy/chassis';
import { loadRouterConfig } from '@play-economy/router/config';
import { loadCatalogConfig } from '@play-economy/catalog/config';
import { loadIdentityConfig } from '@play-economy/identity/config';
import { loadInventoryConfig } from '@play-economy/inventory/config';
import { loadTradingConfig } from '@play-economy/trading/config';
import { describe, expect, it } from 'vitest';

const MONGODB_URL = 'mongodb://mongo:27017/?replicaSet=rs0';
const AMQP_URL = 'amqp://guest:guest@rabbitmq:5672';

/** Production settings each subgraph needs besides its engines. */
const production = {
  NODE_ENV: 'production',
  ROUTER_SECRET: 'a-router-secret-of-at-least-32-characters',
  ADMIN_USERNAME: 'root',
  ADMIN_EMAIL: 'root@example.com',
  ADMIN_PASSWORD: 'a very long admin password',
};

const subgraphs: [string, (env: Record<string, string | undefined>) => unknown][] = [
  ['catalog', loadCatalogConfig],
  ['identity', loadIdentityConfig],
  ['inventory', loadInventoryConfig],
  ['trading', loadTradingConfig],
];

describe.each(subgraphs)('%s in production', (_name, load) => {
  it('refuses to start without MONGODB_URL or AMQP_URL, naming what is missing', () => {
    expect(() => load(production)).toThrow(ConfigError);
    expect(() => load(production)).toThrow(/MONGODB_URL: required in production/);
    expect(() => load(production)).toThrow(/AMQP_URL: required in production/);
    expect(() => load({ ...production, MONGODB_URL })).toThrow(/AMQP_URL: required/);
    expect(() => load({ ...production, AMQP_URL })).toThrow(/MONGODB_URL: required/);
  });

  it('starts on both engines, or embedded when explicitly allowed', () => {
    expect(load({ ...production, MONGODB_URL, AMQP_URL })).toMatchObject({ AMQP_URL });
    expect(load({ ...production, ALLOW_EMBEDDED_IN_PRODUCTION: 'true' })).toMatchObject({
      ALLOW_EMBEDDED_IN_PRODUCTION: true,
    });
  });
});

/** The compose file's development env: values published in this repository. */
const developmentEnv = Object.fromEntries(
  readFileSync(new URL('../../docker/development.env', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => /^\w+=/.test(line))
    .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
);

describe.each([...subgraphs, ['router', loadRouterConfig] as const])(
  '%s in production with published secrets',
  (name, load) => {
    const engines = { MONGODB_URL, AMQP_URL };

    it('refuses the ROUTER_SECRET of the compose development env, naming it', () => {
      const env = { ...production, ...engines, ROUTER_SECRET: developmentEnv['ROUTER_SECRET'] };
      expect(() => load(env)).toThrow(/ROUTER_SECRET: a published development value/);
    });

    it('starts on a secret of its own', () => {
      expect(() => load({ ...production, ...engines })).not.toThrow();
    });

    if (name === 'identity') {
      it('refuses the development admin password and the development env one', () => {
        for (const ADMIN_PASSWORD of [
          DEVELOPMENT_ADMIN_PASSWORD,
          developmentEnv['ADMIN_PASSWORD'],
        ]) {
          expect(() => load({ ...production, ...engines, ADMIN_PASSWORD })).toThrow(
            /ADMIN_PASSWORD: a published development value/,
          );
        }
      });
    }
  },
);
