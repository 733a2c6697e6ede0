import { startSubgraph, type StartSubgraphOptions } from '@play-economy/chassis';
import type { TradingConfig } from './config.ts';
import { tradingSubgraph } from './tradingSubgraph.ts';

export { tradingSubgraph as subgraph };

/** Boots the trading subgraph (see `startSubgraph`). */
export const start = (config: TradingConfig, options: StartSubgraphOptions<TradingConfig> = {}) =>
  startSubgraph(tradingSubgraph, { ...options, config });

export type RunningTrading = Awaited<ReturnType<typeof start>>;
