import type { UserResolvers } from './types.generated.ts';

export const User: UserResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  inventory: ({ id }, { first, after }, ctx) =>
    ctx.inventory.getInventory.execute(ctx.viewer, id, { first, after: after ?? undefined }),
};
