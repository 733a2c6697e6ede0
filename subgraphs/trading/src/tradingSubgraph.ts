import { defineSubgraph } from '@play-economy/chassis';
import type { TradingUseCases } from './application/TradingUseCases.ts';
import { loadTradingConfig, type TradingConfig } from './config.ts';
import { createTrading } from './createTrading.ts';
import type { Context } from './graphql/context.ts';
import { resolvers } from './graphql/resolvers.generated.ts';
import { countPurchases } from './infrastructure/countPurchases.ts';

/** What a running trading offers beside its URL. */
export interface TradingHandles {
  /** The use cases, for in-process operations and tests. */
  useCases: TradingUseCases;
}

/**
 * The trading subgraph: purchases and their saga, its subscribers, and a timer that re-sends
 * or gives up on the commands of stalled purchases.
 */
export const tradingSubgraph = defineSubgraph<TradingConfig, Context, TradingHandles>({
  name: 'trading',
  schema: new URL('../schema.graphql', import.meta.url),
  resolvers,
  loadConfig: loadTradingConfig,
  async wire(runtime) {
    const { config, logger } = runtime;
    countPurchases(runtime);
    const timeoutMs = config.PURCHASE_STEP_TIMEOUT_SECONDS * 1000;
    const trading = await createTrading({
      store: runtime.store,
      unitOfWork: runtime.unitOfWork,
      stepTimeout: { timeoutMs, maxAttempts: config.PURCHASE_MAX_ATTEMPTS },
    });
    return {
      context: (base) => ({ ...base, trading: trading.useCases }),
      subscribers: trading.subscriptions,
      timers: [
        {
          name: 'expire stalled purchases',
          everyMs: Math.max(1000, timeoutMs / 3),
          async run() {
            const report = await trading.expireStalledPurchases.execute();
            if (report.resent + report.gaveUp > 0) logger.warn(report, 'stalled purchases handled');
          },
        },
      ],
      expose: () => ({ useCases: trading.useCases }),
    };
  },
});
