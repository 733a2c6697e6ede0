import type { ItemResolvers } from './types.generated.ts';

export const Item: ItemResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  ownedQuantity: ({ id }, _args, ctx) => ctx.ownedQuantities.load(id),
};
