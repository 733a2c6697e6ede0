import type { MutationResolvers } from './../types.generated.ts';

export const register: NonNullable<MutationResolvers['register']> = (_parent, { input }, ctx) =>
  ctx.identity.register.execute(input, ctx.clientIp);
