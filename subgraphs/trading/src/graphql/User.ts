import type { UserResolvers } from './types.generated.ts';

export const User: UserResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  purchases: (user, _args, ctx) => ctx.trading.listPurchases.execute(ctx.viewer, user.id),
};
