import type { QueryResolvers } from './../types.generated.ts';

export const purchase: NonNullable<QueryResolvers['purchase']> = (_parent, { id }, ctx) =>
  ctx.trading.getPurchase.execute(ctx.viewer, id);
