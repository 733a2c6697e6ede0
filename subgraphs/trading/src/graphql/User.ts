import type { UserResolvers } from './types.generated.ts';

export const User: UserResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  purchases: (user, { first, after }, ctx) =>
    ctx.trading.listPurchases.execute(ctx.viewer, user.id, { first, after: after ?? undefined }),
};
