import type { QueryResolvers } from './../types.generated.ts';

export const user: NonNullable<QueryResolvers['user']> = (_parent, { id }, ctx) =>
  ctx.identity.getUser.execute(ctx.viewer, id);
