import type { InventoryChangedPayload } from '../../domain/InventoryEvents.ts';
import type { SubscriptionResolvers } from './../types.generated.ts';

export const inventoryChanged: NonNullable<SubscriptionResolvers['inventoryChanged']> = {
  subscribe: (_parent, { userId }, ctx) =>
    ctx.inventory.watchInventoryChanges.execute(ctx.viewer, userId),
  resolve: (change: InventoryChangedPayload) => change,
};
