import type { MutationResolvers } from './../types.generated.ts';

export const changePassword: NonNullable<MutationResolvers['changePassword']> = (
  _parent,
  { currentPassword, newPassword },
  ctx,
) =>
  ctx.identity.changePassword.execute(ctx.viewer, { currentPassword, newPassword }, ctx.clientIp);
