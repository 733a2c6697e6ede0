import { readFileSync } from 'node:fs';
import {
  busSettingsOf,
  routerSecretOf,
  serveSubgraph,
  startServiceRuntime,
  type EventBus,
} from '@play-economy/chassis';
import { parse } from 'graphql';
import { DebitGilOnDebitGilRequested } from './application/DebitGilOnDebitGilRequested.ts';
import { RefundGilOnRefundGilRequested } from './application/RefundGilOnRefundGilRequested.ts';
import type { IdentityUseCases } from './application/IdentityUseCases.ts';
import { adminAccountOf, scryptParametersOf, type IdentityConfig } from './config.ts';
import { createIdentity, identitySettingsOf } from './createIdentity.ts';
import { countPasswordChecks } from './infrastructure/countPasswordChecks.ts';
import { ScryptPasswordHasher } from './infrastructure/ScryptPasswordHasher.ts';
import type { Context } from './graphql/context.ts';
import { resolvers } from './graphql/resolvers.generated.ts';

const typeDefs = parse(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

/** Where verifiers (the router) fetch the public signing keys. */
export const JWKS_PATH = '/.well-known/jwks.json';

/** How often the background chore runs: key rotation when due. */
const MAINTENANCE_INTERVAL_MS = 15 * 60 * 1000;

export interface RunningIdentity {
  /** The `/graphql` URL, reachable from this machine. */
  url: string;
  /** The JWKS URL, reachable from this machine. */
  jwksUrl: string;
  /** The use cases, for in-process operations and tests (e.g. rotating the signing key). */
  useCases: IdentityUseCases;
  stop(): Promise<void>;
}

export interface StartOverrides {
  /** A bus shared with the other services of this process (embedded mode). */
  bus?: EventBus;
}

/**
 * Boots the identity subgraph: store, bus, outbox relay, a signing key and the admin account,
 * the gil debit and refund subscribers, then the GraphQL server with the JWKS beside it.
 */
export async function start(
  config: IdentityConfig,
  overrides: StartOverrides = {},
): Promise<RunningIdentity> {
  const admin = adminAccountOf(config);
  const routerSecret = routerSecretOf(config);
  const runtime = await startServiceRuntime({
    service: 'identity',
    database: config.IDENTITY_DATABASE,
    mongodbUrl: config.MONGODB_URL,
    ...busSettingsOf(config),
    dataDir: config.DATA_DIR,
    logLevel: config.LOG_LEVEL,
    bus: overrides.bus,
  });
  let maintenance: NodeJS.Timeout | undefined;
  try {
    const { logger } = runtime;
    const { useCases, debitGil, refundGil } = await createIdentity({
      store: runtime.store,
      unitOfWork: runtime.unitOfWork,
      settings: identitySettingsOf(config),
      hasher: countPasswordChecks(
        new ScryptPasswordHasher(scryptParametersOf(config)),
        runtime.metrics,
      ),
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

    await runtime.bus.subscribe({
      name: DebitGilOnDebitGilRequested.queue,
      topics: DebitGilOnDebitGilRequested.topics,
      handler: (message) => debitGil.handle(message),
    });
    await runtime.bus.subscribe({
      name: RefundGilOnRefundGilRequested.queue,
      topics: RefundGilOnRefundGilRequested.topics,
      handler: (message) => refundGil.handle(message),
    });

    maintenance = setInterval(
      () => {
        useCases.rotateSigningKey
          .rotateIfDue(rotationPeriodMs)
          .catch((error: unknown) => logger.error({ err: error }, 'maintenance failed'));
      },
      Math.min(rotationPeriodMs, MAINTENANCE_INTERVAL_MS),
    );
    maintenance.unref();

    const server = await serveSubgraph<Context>({
      typeDefs,
      resolvers,
      context: (base) => ({ ...base, identity: useCases }),
      port: config.IDENTITY_PORT,
      host: config.IDENTITY_HOST,
      routerSecret,
      logger,
      readiness: runtime.readiness,
      metrics: runtime.metrics,
      publicRoutes: [
        {
          path: JWKS_PATH,
          handler: async () => ({
            headers: { 'cache-control': 'public, max-age=300' },
            body: await useCases.getJwks.execute(),
          }),
        },
      ],
    });
    return {
      url: server.url,
      jwksUrl: new URL(JWKS_PATH, server.url).href,
      useCases,
      async stop() {
        clearInterval(maintenance);
        await server.stop();
        await runtime.close();
      },
    };
  } catch (error) {
    clearInterval(maintenance);
    await runtime.close();
    throw error;
  }
}
