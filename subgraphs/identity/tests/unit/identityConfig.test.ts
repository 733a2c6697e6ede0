import { ConfigError } from '@play-economy/chassis';
import { describe, expect, it } from 'vitest';
import { adminAccountOf, loadIdentityConfig, scryptParametersOf } from '../../src/config.ts';

const production = {
  NODE_ENV: 'production',
  ROUTER_SECRET: 'a-router-secret-of-at-least-32-characters',
  MONGODB_URL: 'mongodb://mongo:27017/?replicaSet=rs0',
  AMQP_URL: 'amqp://guest:guest@rabbitmq:5672',
};

describe('identity config', () => {
  it('has the documented defaults', () => {
    const config = loadIdentityConfig({});
    expect(config).toMatchObject({
      IDENTITY_PORT: 4002,
      IDENTITY_DATABASE: 'identity',
      JWT_ISSUER: 'play-economy-identity',
      JWT_AUDIENCE: 'play-economy',
      ACCESS_TOKEN_TTL_SECONDS: 900,
      REFRESH_TOKEN_TTL_DAYS: 30,
      SIGNING_KEY_ROTATION_HOURS: 24,
      STARTING_GIL: 100,
      LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP: 5,
      LOGIN_MAX_FAILURES_PER_IP: 20,
      LOGIN_MAX_FAILURES_PER_ACCOUNT: 100,
      LOGIN_FAILURE_WINDOW_SECONDS: 900,
      LOGIN_FIRST_LOCKOUT_SECONDS: 60,
      LOGIN_MAX_LOCKOUT_SECONDS: 3600,
      REGISTRATION_MAX_PER_IP: 60,
      REGISTRATION_WINDOW_SECONDS: 3600,
    });
    expect(scryptParametersOf(config)).toEqual({ logN: 17, r: 8, p: 1 });
    expect(adminAccountOf(config)).toEqual({
      username: 'admin',
      email: 'admin@play-economy.local',
      password: 'change-me-admin-password',
    });
  });

  it('refuses to start in production without the admin account, naming the variables', () => {
    expect(() => loadIdentityConfig({ ...production, ADMIN_USERNAME: 'root' })).toThrow(
      ConfigError,
    );
    try {
      loadIdentityConfig({ ...production, ADMIN_USERNAME: 'root' });
    } catch (error) {
      expect((error as Error).message).toContain('ADMIN_EMAIL: required in production');
      expect((error as Error).message).toContain('ADMIN_PASSWORD: required in production');
      expect((error as Error).message).not.toContain('ADMIN_USERNAME');
    }
  });

  it('takes the admin account from the environment in production', () => {
    const config = loadIdentityConfig({
      ...production,
      ADMIN_USERNAME: 'root',
      ADMIN_EMAIL: 'root@example.com',
      ADMIN_PASSWORD: 'a very long admin password',
    });
    expect(adminAccountOf(config)).toEqual({
      username: 'root',
      email: 'root@example.com',
      password: 'a very long admin password',
    });
  });

  it.each([
    ['ACCESS_TOKEN_TTL_SECONDS', '0'],
    ['STARTING_GIL', '-1'],
    ['LOGIN_MAX_FAILURES_PER_IP', 'many'],
  ])('refuses a bad %s', (variable, value) => {
    expect(() => loadIdentityConfig({ [variable]: value })).toThrow(variable);
  });

  it('takes access tokens shorter than a minute only under NODE_ENV=test', () => {
    expect(
      loadIdentityConfig({ NODE_ENV: 'test', ACCESS_TOKEN_TTL_SECONDS: '3' })
        .ACCESS_TOKEN_TTL_SECONDS,
    ).toBe(3);
    expect(loadIdentityConfig({ ACCESS_TOKEN_TTL_SECONDS: '60' }).ACCESS_TOKEN_TTL_SECONDS).toBe(
      60,
    );
    for (const NODE_ENV of ['development', undefined]) {
      expect(() => loadIdentityConfig({ NODE_ENV, ACCESS_TOKEN_TTL_SECONDS: '59' })).toThrow(
        'ACCESS_TOKEN_TTL_SECONDS: must be at least 60',
      );
    }
  });

  it('takes cheaper scrypt parameters only under NODE_ENV=test', () => {
    const cheap = loadIdentityConfig({ NODE_ENV: 'test', SCRYPT_LOG_N_FOR_TESTS: '10' });
    expect(scryptParametersOf(cheap)).toEqual({ logN: 10, r: 8, p: 1 });
    for (const NODE_ENV of ['development', 'production', undefined]) {
      expect(() =>
        loadIdentityConfig({
          ...production,
          ADMIN_USERNAME: 'root',
          ADMIN_EMAIL: 'root@example.com',
          ADMIN_PASSWORD: 'a very long admin password',
          NODE_ENV,
          SCRYPT_LOG_N_FOR_TESTS: '10',
        }),
      ).toThrow('SCRYPT_LOG_N_FOR_TESTS: only allowed with NODE_ENV=test');
    }
  });

  it('refuses a per-account budget one address could use up alone', () => {
    expect(() =>
      loadIdentityConfig({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '5', LOGIN_MAX_FAILURES_PER_IP: '20' }),
    ).toThrow('LOGIN_MAX_FAILURES_PER_ACCOUNT: must be more than twice LOGIN_MAX_FAILURES_PER_IP');
    expect(
      loadIdentityConfig({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '41', LOGIN_MAX_FAILURES_PER_IP: '20' }),
    ).toMatchObject({ LOGIN_MAX_FAILURES_PER_ACCOUNT: 41 });
  });
});
