import { encodeCursor } from '@play-economy/chassis';
import { positionOf } from '../domain/ItemRepository.ts';
import type { ItemEdgeResolvers } from './types.generated.ts';

export const ItemEdge: ItemEdgeResolvers = {
  cursor: (item) => encodeCursor(positionOf(item)),
  node: (item) => item,
};
