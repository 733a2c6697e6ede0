import type { GetInventory } from './GetInventory.ts';
import type { GetOwnedQuantities } from './GetOwnedQuantities.ts';
import type { GrantItems } from './GrantItems.ts';
import type { WatchInventoryChanges } from './WatchInventoryChanges.ts';

/** Everything inventory can do, as handed to its GraphQL resolvers. */
export interface InventoryUseCases {
  getInventory: GetInventory;
  getOwnedQuantities: GetOwnedQuantities;
  grantItems: GrantItems;
  watchInventoryChanges: WatchInventoryChanges;
}
