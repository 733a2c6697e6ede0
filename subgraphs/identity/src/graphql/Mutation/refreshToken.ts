import type { MutationResolvers } from './../types.generated.ts';

export const refreshToken: NonNullable<MutationResolvers['refreshToken']> = (
  _parent,
  { refreshToken },
  ctx,
) => ctx.identity.refreshSession.execute(refreshToken);
