import type { ItemResolvers } from './types.generated.ts';

/** A reference only (`resolvable: false`): catalog resolves the item's fields. */
export const Item: ItemResolvers = {};
