import type { UserResolvers } from './types.generated.ts';

export const User: UserResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  inventory: ({ id }, _args, ctx) => ctx.inventory.getInventory.execute(ctx.viewer, id),
};
