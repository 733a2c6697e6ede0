import { defineSubgraph, subscriberOf } from '@play-economy/chassis';
import { DebitGilOnDebitGilRequested } from './application/DebitGilOnDebitGilRequested.ts';
import type { IdentityUseCases } from './application/IdentityUseCases.ts';
import { RefundGilOnRefundGilRequested } from './application/RefundGilOnRefundGilRequested.ts';
import {
  adminAccountOf,
  loadIdentityConfig,
  scryptParametersOf,
  type IdentityConfig,
} from './config.ts';
import { createIdentity, identitySettingsOf } from './createIdentity.ts';
import type { Context } from './graphql/context.ts';
import { resolvers } from './graphql/resolvers.generated.ts';
import { countPasswordChecks } from './infrastructure/countPasswordChecks.ts';
import { ScryptPasswordHasher } from './infrastructure/ScryptPasswordHasher.ts';

/** Where verifiers (the router) fetch the public signing keys. */
export const JWKS_PATH = '/.well-known/jwks.json';

/** How often the background chore runs: key rotation when due. */
const MAINTENANCE_INTERVAL_MS = 15 * 60 * 1000;

/** What a running identity offers beside its URL. */
export interface IdentityHandles {
  /** The JWKS URL, reachable from this machine. */
  jwksUrl: string;
  /** The use cases, for in-process operations and tests (e.g. rotating the signing key). */
  useCases: IdentityUseCases;
}

/**
 * The identity subgraph: users, sessions, signing keys (rotated by a timer, published as a JWKS
 * beside `/graphql`), and the gil debits and refunds of the purchase saga. Starting it makes
 * the first signing key and seeds the admin account.
 */
export const identitySubgraph = defineSubgraph<IdentityConfig, Context, IdentityHandles>({
  name: 'identity',
  schema: new URL('../schema.graphql', import.meta.url),
  resolvers,
  loadConfig: loadIdentityConfig,
  async wire({ config, store, unitOfWork, metrics, logger }) {
    const admin = adminAccountOf(config);
    const { useCases, debitGil, refundGil } = await createIdentity({
      store,
      unitOfWork,
      settings: identitySettingsOf(config),
      hasher: countPasswordChecks(new ScryptPasswordHasher(scryptParametersOf(config)), metrics),
      onRefreshTokenReuse: (reuse) =>
        logger.warn(reuse, 'a used refresh token came back; its family is revoked'),
    });
    const rotationPeriodMs = config.SIGNING_KEY_ROTATION_HOURS * 60 * 60 * 1000;
    // Makes the first key, or replaces one that grew old while no replica was running.
    await useCases.rotateSigningKey.rotateIfDue(rotationPeriodMs);
    const seeded = await useCases.seedAdmin.execute(admin);
    if (seeded === 'taken-by-non-admin') {
      logger.warn({ username: admin.username }, 'the admin username belongs to a non-admin user');
    } else {
      logger.info({ username: admin.username, outcome: seeded }, 'admin account seeded');
    }
    return {
      context: (base) => ({ ...base, identity: useCases }),
      subscribers: [
        subscriberOf(DebitGilOnDebitGilRequested, debitGil),
        subscriberOf(RefundGilOnRefundGilRequested, refundGil),
      ],
      timers: [
        {
          name: 'rotate signing key',
          everyMs: Math.min(rotationPeriodMs, MAINTENANCE_INTERVAL_MS),
          run: () => useCases.rotateSigningKey.rotateIfDue(rotationPeriodMs).then(() => undefined),
        },
      ],
      publicRoutes: [
        {
          path: JWKS_PATH,
          handler: async () => ({
            headers: { 'cache-control': 'public, max-age=300' },
            body: await useCases.getJwks.execute(),
          }),
        },
      ],
      expose: ({ url }) => ({ jwksUrl: new URL(JWKS_PATH, url).href, useCases }),
    };
  },
});
