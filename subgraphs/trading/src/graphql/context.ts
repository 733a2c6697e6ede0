import type { RequestContext } from '@play-economy/chassis';
import type { TradingUseCases } from '../application/TradingUseCases.ts';

/** What every trading resolver receives. */
export interface Context extends RequestContext {
  trading: TradingUseCases;
}
