import {
  LiveFeed,
  type DocumentStore,
  type Subscription,
  type UnitOfWork,
} from '@play-economy/chassis';
import { CompensateOnGilDebitFailed } from './application/CompensateOnGilDebitFailed.ts';
import { CompletePurchaseOnGilDebited } from './application/CompletePurchaseOnGilDebited.ts';
import { CopyPriceOnItemChanged } from './application/CopyPriceOnItemChanged.ts';
import { DebitGilOnItemsGranted } from './application/DebitGilOnItemsGranted.ts';
import { ExpireStalledPurchases } from './application/ExpireStalledPurchases.ts';
import { FaultPurchaseOnGrantFailed } from './application/FaultPurchaseOnGrantFailed.ts';
import { FaultPurchaseOnItemsSubtracted } from './application/FaultPurchaseOnItemsSubtracted.ts';
import { ForgetItemOnItemDeleted } from './application/ForgetItemOnItemDeleted.ts';
import { GetPurchase } from './application/GetPurchase.ts';
import { ListPurchases } from './application/ListPurchases.ts';
import { NotifyOnPurchaseUpdated } from './application/NotifyOnPurchaseUpdated.ts';
import { WatchPurchases } from './application/WatchPurchases.ts';
import type { PurchaseView } from './domain/PurchaseView.ts';
import { RequestPurchase } from './application/RequestPurchase.ts';
import type { TradingUseCases } from './application/TradingUseCases.ts';
import type { StepTimeoutPolicy } from './domain/PurchaseRules.ts';
import { MongoItemPriceRepository } from './infrastructure/MongoItemPriceRepository.ts';
import { MongoPurchaseRepository } from './infrastructure/MongoPurchaseRepository.ts';

export interface TradingDependencies {
  store: DocumentStore;
  unitOfWork: UnitOfWork;
  stepTimeout: StepTimeoutPolicy;
}

export interface Trading {
  useCases: TradingUseCases;
  /** Every subscriber, ready to hand to `bus.subscribe`. */
  subscriptions: Subscription[];
  /** Run on a timer: re-sends or gives up on unanswered commands. */
  expireStalledPurchases: ExpireStalledPurchases;
}

interface Subscriber {
  handle(message: Parameters<Subscription['handler']>[0]): Promise<void>;
}

function subscriptionOf(
  kind: { queue: string; topics: readonly string[]; delivery?: Subscription['delivery'] },
  subscriber: Subscriber,
): Subscription {
  return {
    name: kind.queue,
    topics: [...kind.topics],
    handler: (message) => subscriber.handle(message),
    ...(kind.delivery ? { delivery: kind.delivery } : {}),
  };
}

/** Wires trading's use cases and subscribers to their adapters over one store. */
export async function createTrading(dependencies: TradingDependencies): Promise<Trading> {
  const { store, unitOfWork, stepTimeout } = dependencies;
  const purchases = await MongoPurchaseRepository.create(store);
  const prices = await MongoItemPriceRepository.create(store);
  const getPurchase = new GetPurchase(purchases);
  const updates = new LiveFeed<PurchaseView>();
  return {
    useCases: {
      requestPurchase: new RequestPurchase(purchases, prices, unitOfWork),
      getPurchase,
      listPurchases: new ListPurchases(purchases),
      watchPurchases: new WatchPurchases(updates, getPurchase),
    },
    subscriptions: [
      subscriptionOf(DebitGilOnItemsGranted, new DebitGilOnItemsGranted(purchases, unitOfWork)),
      subscriptionOf(
        FaultPurchaseOnGrantFailed,
        new FaultPurchaseOnGrantFailed(purchases, unitOfWork),
      ),
      subscriptionOf(
        CompletePurchaseOnGilDebited,
        new CompletePurchaseOnGilDebited(purchases, unitOfWork),
      ),
      subscriptionOf(
        CompensateOnGilDebitFailed,
        new CompensateOnGilDebitFailed(purchases, unitOfWork),
      ),
      subscriptionOf(
        FaultPurchaseOnItemsSubtracted,
        new FaultPurchaseOnItemsSubtracted(purchases, unitOfWork),
      ),
      subscriptionOf(CopyPriceOnItemChanged, new CopyPriceOnItemChanged(prices, unitOfWork)),
      subscriptionOf(ForgetItemOnItemDeleted, new ForgetItemOnItemDeleted(prices, unitOfWork)),
      subscriptionOf(NotifyOnPurchaseUpdated, new NotifyOnPurchaseUpdated(updates)),
    ],
    expireStalledPurchases: new ExpireStalledPurchases(purchases, unitOfWork, stepTimeout),
  };
}
