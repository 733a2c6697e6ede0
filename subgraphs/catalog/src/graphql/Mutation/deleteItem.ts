import type { MutationResolvers } from './../types.generated.ts';

export const deleteItem: NonNullable<MutationResolvers['deleteItem']> = (_parent, { id }, ctx) =>
  ctx.catalog.deleteItem.execute(ctx.viewer, id);
