import type { DocumentStore, UnitOfWork } from '@play-economy/chassis';
import { GetInventory } from './application/GetInventory.ts';
import { GetOwnedQuantities } from './application/GetOwnedQuantities.ts';
import { GrantItems } from './application/GrantItems.ts';
import { GrantItemsOnGrantItemsRequested } from './application/GrantItemsOnGrantItemsRequested.ts';
import type { InventoryUseCases } from './application/InventoryUseCases.ts';
import { SubtractItemsOnSubtractItemsRequested } from './application/SubtractItemsOnSubtractItemsRequested.ts';
import { TrackItemOnItemChanged } from './application/TrackItemOnItemChanged.ts';
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
}

/** Wires inventory's use cases and subscribers to their adapters over one store. */
export async function createInventory({
  store,
  unitOfWork,
}: InventoryDependencies): Promise<Inventory> {
  const entries = await MongoInventoryRepository.create(store);
  const knownItems = await MongoKnownItemRepository.create(store);
  return {
    useCases: {
      getInventory: new GetInventory(entries, knownItems),
      getOwnedQuantities: new GetOwnedQuantities(entries),
      grantItems: new GrantItems(entries, knownItems, unitOfWork),
    },
    trackItem: new TrackItemOnItemChanged(knownItems, unitOfWork),
    grantItems: new GrantItemsOnGrantItemsRequested(entries, knownItems, unitOfWork),
    subtractItems: new SubtractItemsOnSubtractItemsRequested(entries, unitOfWork),
  };
}
