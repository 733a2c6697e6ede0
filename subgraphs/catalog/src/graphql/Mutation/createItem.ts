import type { MutationResolvers } from './../types.generated.ts';

export const createItem: NonNullable<MutationResolvers['createItem']> = (_parent, { input }, ctx) =>
  ctx.catalog.createItem.execute(ctx.viewer, input);
