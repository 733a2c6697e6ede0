import type { InventoryChangeResolvers } from './types.generated.ts';

export const InventoryChange: InventoryChangeResolvers = {
  user: (change) => ({ id: change.userId }),
  item: (change) => ({ id: change.itemId }),
};
