import type { GetPurchase } from './GetPurchase.ts';
import type { ListPurchases } from './ListPurchases.ts';
import type { RequestPurchase } from './RequestPurchase.ts';
import type { WatchPurchases } from './WatchPurchases.ts';

/** Everything trading can do, as handed to its GraphQL resolvers. */
export interface TradingUseCases {
  requestPurchase: RequestPurchase;
  getPurchase: GetPurchase;
  listPurchases: ListPurchases;
  watchPurchases: WatchPurchases;
}
