import type { UserResolvers } from './types.generated.ts';

export const User: UserResolvers = {
  __resolveReference: ({ id }, ctx) => ctx.identity.getUser.reference(ctx.viewer, id),
};
