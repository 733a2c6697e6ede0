import type { MutationResolvers } from './../types.generated.ts';

export const signOutEverywhere: NonNullable<MutationResolvers['signOutEverywhere']> = (
  _parent,
  _arg,
  ctx,
) => ctx.identity.signOutEverywhere.execute(ctx.viewer);
