import type { MutationResolvers } from './../types.generated.ts';

export const purchase: NonNullable<MutationResolvers['purchase']> = (_parent, { input }, ctx) =>
  ctx.trading.requestPurchase.execute(ctx.viewer, input);
