import type { PurchaseResolvers } from './types.generated.ts';

export const Purchase: PurchaseResolvers = {
  __resolveReference: ({ id }, ctx) => ctx.trading.getPurchase.execute(ctx.viewer, id),
  // References the router resolves through identity and catalog.
  user: (purchase) => ({ id: purchase.userId }),
  item: (purchase) => ({ id: purchase.itemId }),
};
