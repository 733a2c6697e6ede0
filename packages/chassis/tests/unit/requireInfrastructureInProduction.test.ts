import { describe, expect, it } from 'vitest';
import {
  busSettingsOf,
  ConfigError,
  infrastructureConfig,
  loadConfig,
  requireInfrastructureInProduction,
} from '../../src/config/loadConfig.ts';
import { z } from 'zod';

/** A service's config as the subgraphs build theirs. */
const service = z.object(infrastructureConfig).superRefine(requireInfrastructureInProduction());

const MONGODB_URL = 'mongodb://mongo:27017/?replicaSet=rs0';
const AMQP_URL = 'amqp://guest:guest@rabbitmq:5672';

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(service, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('requireInfrastructureInProduction', () => {
  it('refuses production without MONGODB_URL and AMQP_URL, naming each', () => {
    const message = refusal({ NODE_ENV: 'production' });
    expect(message).toMatch(/^ {2}MONGODB_URL: required in production: .*embedded store/m);
    expect(message).toMatch(/^ {2}AMQP_URL: required in production: .*in-process bus/m);
    expect(message).toContain('ALLOW_EMBEDDED_IN_PRODUCTION=true');
  });

  it('names only what is missing', () => {
    const withoutBroker = refusal({ NODE_ENV: 'production', MONGODB_URL });
    expect(withoutBroker).toContain('AMQP_URL: required in production');
    expect(withoutBroker).not.toContain('MONGODB_URL');
    const withoutStore = refusal({ NODE_ENV: 'production', AMQP_URL, MONGODB_URL: '' });
    expect(withoutStore).toContain('MONGODB_URL: required in production');
    expect(withoutStore).not.toContain('AMQP_URL');
  });

  it('accepts production on both engines', () => {
    expect(loadConfig(service, { NODE_ENV: 'production', MONGODB_URL, AMQP_URL })).toMatchObject({
      MONGODB_URL,
      AMQP_URL,
    });
  });

  it('lets ALLOW_EMBEDDED_IN_PRODUCTION=true run production embedded, and nothing else does', () => {
    expect(
      loadConfig(service, { NODE_ENV: 'production', ALLOW_EMBEDDED_IN_PRODUCTION: 'true' }),
    ).toMatchObject({ NODE_ENV: 'production', ALLOW_EMBEDDED_IN_PRODUCTION: true });
    expect(refusal({ NODE_ENV: 'production', ALLOW_EMBEDDED_IN_PRODUCTION: 'false' })).toContain(
      'MONGODB_URL',
    );
    expect(refusal({ NODE_ENV: 'production', ALLOW_EMBEDDED_IN_PRODUCTION: 'yes' })).toContain(
      'ALLOW_EMBEDDED_IN_PRODUCTION',
    );
  });

  it('leaves development and tests on the embedded engines', () => {
    for (const NODE_ENV of ['development', 'test']) {
      expect(loadConfig(service, { NODE_ENV })).toMatchObject({ NODE_ENV });
    }
    expect(loadConfig(service, {})).toMatchObject({ NODE_ENV: 'development' });
  });

  it('checks only the variables a service names, with its own consequence', () => {
    const brokerOnly = z
      .object(infrastructureConfig)
      .superRefine(
        requireInfrastructureInProduction(['AMQP_URL'], { AMQP_URL: 'nothing evicts the cache' }),
      );
    expect(() => loadConfig(brokerOnly, { NODE_ENV: 'production' })).toThrow(
      /^ {2}AMQP_URL: required in production: without it nothing evicts the cache/m,
    );
    expect(loadConfig(brokerOnly, { NODE_ENV: 'production', AMQP_URL })).toMatchObject({
      AMQP_URL,
    });
  });
});

describe('busSettingsOf', () => {
  const settingsOf = (env: Record<string, string>) =>
    busSettingsOf(loadConfig(z.object(infrastructureConfig), env));

  it('uses quorum queues in production and classic ones elsewhere, unless told otherwise', () => {
    expect(settingsOf({ NODE_ENV: 'production', AMQP_URL })).toEqual({
      amqpUrl: AMQP_URL,
      queueType: 'quorum',
      deliveryLimit: 20,
    });
    expect(settingsOf({ NODE_ENV: 'development' }).queueType).toBe('classic');
    expect(settingsOf({ NODE_ENV: 'test' }).queueType).toBe('classic');
    expect(settingsOf({ NODE_ENV: 'production', RABBITMQ_QUORUM_QUEUES: 'false' }).queueType).toBe(
      'classic',
    );
    expect(settingsOf({ RABBITMQ_QUORUM_QUEUES: 'true' }).queueType).toBe('quorum');
  });

  it('reads the delivery limit, a whole number from 1', () => {
    expect(settingsOf({ RABBITMQ_DELIVERY_LIMIT: '5' }).deliveryLimit).toBe(5);
    for (const value of ['0', '2.5', 'many']) {
      expect(() => settingsOf({ RABBITMQ_DELIVERY_LIMIT: value })).toThrow(
        /RABBITMQ_DELIVERY_LIMIT/,
      );
    }
  });
});
