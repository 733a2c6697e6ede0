import type { RequestContext } from '@play-economy/chassis';
import type { InventoryUseCases } from '../application/InventoryUseCases.ts';
import type { BatchLoader } from './createBatchLoader.ts';

/** What every inventory resolver receives. */
export interface Context extends RequestContext {
  inventory: InventoryUseCases;
  /**
   * The caller's quantity of an item, batched per request: a page of items resolved through
   * `_entities` costs one read, not one per item.
   */
  ownedQuantities: BatchLoader<string, number>;
}
