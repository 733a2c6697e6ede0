import type { MutationResolvers } from './../types.generated.ts';

export const signOut: NonNullable<MutationResolvers['signOut']> = (
  _parent,
  { refreshToken },
  ctx,
) => ctx.identity.signOut.execute(refreshToken);
