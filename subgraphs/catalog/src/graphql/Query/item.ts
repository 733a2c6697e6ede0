import type { QueryResolvers } from './../types.generated.ts';

export const item: NonNullable<QueryResolvers['item']> = (_parent, { id }, ctx) =>
  ctx.catalog.getItem.execute(id);
