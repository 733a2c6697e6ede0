import { encodeCursor } from '@play-economy/chassis';
import { positionOf } from '../domain/UserRepository.ts';
import type { UserConnectionResolvers } from './types.generated.ts';

export const UserConnection: UserConnectionResolvers = {
  edges: (page) => page.users,
  pageInfo: (page) => {
    const last = page.users.at(-1);
    return {
      hasNextPage: page.hasNextPage,
      endCursor: last ? encodeCursor(positionOf(last.user)) : null,
    };
  },
};
