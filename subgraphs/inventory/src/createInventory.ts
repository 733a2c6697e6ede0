import { LiveFeed, type DocumentStore, type UnitOfWork } from '@play-economy/chassis';
import type { InventoryChangedPayload } from './domain/InventoryEvents.ts';
import { GetInventory } from './application/GetInventory.ts';
import { GetOwnedQuantities } from './application/GetOwnedQuantities.ts';
import { ChangeEntryQuantity } from './application/ChangeEntryQuantity.ts';
import { GrantItems } from './application/GrantItems.ts';
import { GrantItemsOnGrantItemsRequested } from './application/GrantItemsOnGrantItemsRequested.ts';
import type { InventoryUseCases } from './application/InventoryUseCases.ts';
import { SubtractItemsOnSubtractItemsRequested } from './application/SubtractItemsOnSubtractItemsRequested.ts';
import { NotifyOnInventoryChanged } from './application/NotifyOnInventoryChanged.ts';
import { TrackItemOnItemChanged } from './application/TrackItemOnItemChanged.ts';
import { WatchInventoryChanges } from './application/WatchInventoryChanges.ts';
import { MongoInventoryRepository } from './infrastructure/MongoInventoryRepository.ts';
import { MongoKnownItemRepository } from './infrastructure/MongoKnownItemRepository.ts';

export interface InventoryDependencies {
  store: DocumentStore;
  unitOfWork: UnitOfWork;
}

export interface Inventory {
  useCases: InventoryUseCases;
  /** Keeps the copy of which catalog items exist, from `catalog.item.*`. */
  trackItem: TrackItemOnItemChanged;
  /** Delivers purchases, from `trading.purchase.grant_items`. */
  grantItems: GrantItemsOnGrantItemsRequested;
  /** Takes back unpaid purchases, from `trading.purchase.subtract_items`. */
  subtractItems: SubtractItemsOnSubtractItemsRequested;
  /** Feeds live subscriptions, from `inventory.changed` (every replica gets every change). */
  notifyChanges: NotifyOnInventoryChanged;
}

/** Wires inventory's use cases and subscribers to their adapters over one store. */
export async function createInventory({
  store,
  unitOfWork,
}: InventoryDependencies): Promise<Inventory> {
  const entries = await MongoInventoryRepository.create(store);
  const knownItems = await MongoKnownItemRepository.create(store);
  const quantities = new ChangeEntryQuantity(entries);
  const changes = new LiveFeed<InventoryChangedPayload>();
  return {
    useCases: {
      getInventory: new GetInventory(entries, knownItems),
      getOwnedQuantities: new GetOwnedQuantities(entries),
      grantItems: new GrantItems(quantities, knownItems, unitOfWork),
      watchInventoryChanges: new WatchInventoryChanges(changes),
    },
    trackItem: new TrackItemOnItemChanged(knownItems, unitOfWork),
    grantItems: new GrantItemsOnGrantItemsRequested(quantities, knownItems, unitOfWork),
    subtractItems: new SubtractItemsOnSubtractItemsRequested(quantities, unitOfWork),
    notifyChanges: new NotifyOnInventoryChanged(changes),
  };
}
