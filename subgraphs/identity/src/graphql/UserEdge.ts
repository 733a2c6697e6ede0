import { encodeCursor } from '@play-economy/chassis';
import { positionOf } from '../domain/UserRepository.ts';
import type { UserEdgeResolvers } from './types.generated.ts';

export const UserEdge: UserEdgeResolvers = {
  cursor: (view) => encodeCursor(positionOf(view.user)),
  node: (view) => view,
};
