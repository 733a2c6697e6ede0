import type { InventoryEntryResolvers } from './types.generated.ts';

export const InventoryEntry: InventoryEntryResolvers = {
  // A reference: the router resolves the item's other fields from the catalog.
  item: (entry) => ({ id: entry.itemId }),
};
