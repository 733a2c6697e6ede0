import type { MutationResolvers } from './../types.generated.ts';

export const login: NonNullable<MutationResolvers['login']> = (_parent, { input }, ctx) =>
  ctx.identity.login.execute(input, ctx.clientIp);
