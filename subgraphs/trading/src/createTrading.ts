import {
  LiveFeed,
  subscriberOf,
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
      subscriberOf(DebitGilOnItemsGranted, new DebitGilOnItemsGranted(purchases, unitOfWork)),
      subscriberOf(
        FaultPurchaseOnGrantFailed,
        new FaultPurchaseOnGrantFailed(purchases, unitOfWork),
      ),
      subscriberOf(
        CompletePurchaseOnGilDebited,
        new CompletePurchaseOnGilDebited(purchases, unitOfWork),
      ),
      subscriberOf(
        CompensateOnGilDebitFailed,
        new CompensateOnGilDebitFailed(purchases, unitOfWork),
      ),
      subscriberOf(
        FaultPurchaseOnItemsSubtracted,
        new FaultPurchaseOnItemsSubtracted(purchases, unitOfWork),
      ),
      subscriberOf(CopyPriceOnItemChanged, new CopyPriceOnItemChanged(prices, unitOfWork)),
      subscriberOf(ForgetItemOnItemDeleted, new ForgetItemOnItemDeleted(prices, unitOfWork)),
      subscriberOf(NotifyOnPurchaseUpdated, new NotifyOnPurchaseUpdated(updates)),
    ],
    expireStalledPurchases: new ExpireStalledPurchases(purchases, unitOfWork, stepTimeout),
  };
}
