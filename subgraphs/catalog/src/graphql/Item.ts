import type { ItemResolvers } from './types.generated.ts';

export const Item: ItemResolvers = {
  __resolveReference: ({ id }, ctx) => ctx.catalog.getItem.execute(id),
};
