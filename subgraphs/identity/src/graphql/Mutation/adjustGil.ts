import type { MutationResolvers } from './../types.generated.ts';

export const adjustGil: NonNullable<MutationResolvers['adjustGil']> = (
  _parent,
  { userId, amount },
  ctx,
) => ctx.identity.adjustGil.execute(ctx.viewer, userId, amount);
