import { readFileSync } from 'node:fs';
import {
  busSettingsOf,
  routerSecretOf,
  serveSubgraph,
  startServiceRuntime,
  type EventBus,
} from '@play-economy/chassis';
import { parse } from 'graphql';
import type { TradingUseCases } from './application/TradingUseCases.ts';
import type { TradingConfig } from './config.ts';
import { createTrading } from './createTrading.ts';
import type { Context } from './graphql/context.ts';
import { resolvers } from './graphql/resolvers.generated.ts';
import { countPurchases } from './infrastructure/countPurchases.ts';

const typeDefs = parse(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

export interface RunningTrading {
  /** The `/graphql` URL, reachable from this machine. */
  url: string;
  /** The use cases, for in-process operations and tests. */
  useCases: TradingUseCases;
  stop(): Promise<void>;
}

export interface StartOverrides {
  /** A bus shared with the other services of this process (embedded mode). */
  bus?: EventBus;
}

/**
 * Boots the trading subgraph: store, bus, outbox relay, the saga's subscribers and its
 * stalled-purchase timer, then the GraphQL server.
 */
export async function start(
  config: TradingConfig,
  overrides: StartOverrides = {},
): Promise<RunningTrading> {
  const runtime = await startServiceRuntime({
    service: 'trading',
    database: config.TRADING_DATABASE,
    mongodbUrl: config.MONGODB_URL,
    ...busSettingsOf(config),
    dataDir: config.DATA_DIR,
    logLevel: config.LOG_LEVEL,
    bus: overrides.bus,
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const { logger } = runtime;
    countPurchases(runtime);
    const timeoutMs = config.PURCHASE_STEP_TIMEOUT_SECONDS * 1000;
    const trading = await createTrading({
      store: runtime.store,
      unitOfWork: runtime.unitOfWork,
      stepTimeout: { timeoutMs, maxAttempts: config.PURCHASE_MAX_ATTEMPTS },
    });
    for (const subscription of trading.subscriptions) await runtime.bus.subscribe(subscription);

    let expiring = false;
    timer = setInterval(
      () => {
        if (expiring) return;
        expiring = true;
        trading.expireStalledPurchases
          .execute()
          .then((report) => {
            if (report.resent + report.gaveUp > 0) logger.warn(report, 'stalled purchases handled');
          })
          .catch((error: unknown) =>
            logger.error({ err: error }, 'expiring stalled purchases failed'),
          )
          .finally(() => {
            expiring = false;
          });
      },
      Math.max(1000, timeoutMs / 3),
    );
    timer.unref();

    const server = await serveSubgraph<Context>({
      typeDefs,
      resolvers,
      context: (base) => ({ ...base, trading: trading.useCases }),
      port: config.TRADING_PORT,
      host: config.TRADING_HOST,
      routerSecret: routerSecretOf(config),
      logger,
      readiness: runtime.readiness,
      metrics: runtime.metrics,
    });
    return {
      url: server.url,
      useCases: trading.useCases,
      async stop() {
        clearInterval(timer);
        await server.stop();
        await runtime.close();
      },
    };
  } catch (error) {
    clearInterval(timer);
    await runtime.close();
    throw error;
  }
}
