import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ConfigError,
  DEVELOPMENT_ADMIN_PASSWORD,
  infrastructureConfig,
  loadConfig,
  refusePublishedSecretsInProduction,
  routerSecretConfig,
  routerSecretOf,
} from '../../src/config/loadConfig.ts';

/** A service's config as identity builds its own: the router secret and an admin password. */
const service = z
  .object({ ...infrastructureConfig, ...routerSecretConfig, ADMIN_PASSWORD: z.string().optional() })
  .superRefine(refusePublishedSecretsInProduction());

const OWN_SECRET = 'Zq3v9c1Lw0pX7tB2nR8mK4yH6dF5sJ1a';
const OWN_PASSWORD = 'a long passphrase nobody has read';

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(service, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('refusePublishedSecretsInProduction', () => {
  it('refuses the router secret development falls back to', () => {
    const development = routerSecretOf({ NODE_ENV: 'development' });
    const message = refusal({ NODE_ENV: 'production', ROUTER_SECRET: development });
    expect(message).toMatch(/^ {2}ROUTER_SECRET: a published development value/m);
    expect(message).not.toContain(development);
  });

  it('refuses the development admin password and the old compose defaults', () => {
    expect(
      refusal({
        NODE_ENV: 'production',
        ROUTER_SECRET: OWN_SECRET,
        ADMIN_PASSWORD: DEVELOPMENT_ADMIN_PASSWORD,
      }),
    ).toMatch(/^ {2}ADMIN_PASSWORD: a published development value/m);
    const both = refusal({
      NODE_ENV: 'production',
      ROUTER_SECRET: 'compose-workstation-secret-change-before-deploying',
      ADMIN_PASSWORD: ' compose-workstation-admin-password ',
    });
    expect(both).toContain('ROUTER_SECRET: a published');
    expect(both).toContain('ADMIN_PASSWORD: a published');
  });

  it.each([
    'please-change-me-before-going-live-0123',
    'CHANGEME-CHANGEME-CHANGEME-CHANGEME-1',
    'replace_me_with_a_real_secret_of_32_chars',
  ])('refuses a placeholder such as %s', (placeholder) => {
    expect(refusal({ NODE_ENV: 'production', ROUTER_SECRET: placeholder })).toContain(
      'ROUTER_SECRET: a published development value or a placeholder',
    );
  });

  it('accepts secrets of your own in production', () => {
    expect(
      loadConfig(service, {
        NODE_ENV: 'production',
        ROUTER_SECRET: OWN_SECRET,
        ADMIN_PASSWORD: OWN_PASSWORD,
      }),
    ).toMatchObject({ ROUTER_SECRET: OWN_SECRET, ADMIN_PASSWORD: OWN_PASSWORD });
  });

  it('lets development and tests use the published values', () => {
    for (const NODE_ENV of ['development', 'test']) {
      expect(
        loadConfig(service, {
          NODE_ENV,
          ROUTER_SECRET: routerSecretOf({ NODE_ENV: 'development' }),
          ADMIN_PASSWORD: DEVELOPMENT_ADMIN_PASSWORD,
        }),
      ).toMatchObject({ NODE_ENV });
    }
  });
});
