import { decodeCursor } from '@play-economy/chassis';
import { isUserPosition } from '../../domain/UserRepository.ts';
import type { QueryResolvers } from './../types.generated.ts';

export const users: NonNullable<QueryResolvers['users']> = (_parent, { first, after }, ctx) =>
  ctx.identity.listUsers.execute(ctx.viewer, {
    first,
    after: after == null ? undefined : decodeCursor(after, isUserPosition),
  });
