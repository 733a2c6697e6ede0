import type { MutationResolvers } from './../types.generated.ts';

export const grantItems: NonNullable<MutationResolvers['grantItems']> = (
  _parent,
  { userId, itemId, quantity },
  ctx,
) => ctx.inventory.grantItems.execute(ctx.viewer, userId, itemId, quantity);
