import { encodeCursor } from '@play-economy/chassis';
import { positionOf } from '../domain/ItemRepository.ts';
import type { ItemConnectionResolvers } from './types.generated.ts';

export const ItemConnection: ItemConnectionResolvers = {
  edges: (page) => page.items,
  pageInfo: (page) => {
    const last = page.items.at(-1);
    return {
      hasNextPage: page.hasNextPage,
      endCursor: last ? encodeCursor(positionOf(last)) : null,
    };
  },
};
