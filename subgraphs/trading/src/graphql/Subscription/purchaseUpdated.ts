import type { PurchaseView } from '../../domain/PurchaseView.ts';
import type { SubscriptionResolvers } from './../types.generated.ts';

export const purchaseUpdated: NonNullable<SubscriptionResolvers['purchaseUpdated']> = {
  subscribe: (_parent, { id }, ctx) => ctx.trading.watchPurchases.execute(ctx.viewer, id),
  resolve: (purchase: PurchaseView) => purchase,
};
