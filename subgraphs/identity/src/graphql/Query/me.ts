import type { QueryResolvers } from './../types.generated.ts';

export const me: NonNullable<QueryResolvers['me']> = (_parent, _args, ctx) =>
  ctx.identity.getViewer.execute(ctx.viewer);
