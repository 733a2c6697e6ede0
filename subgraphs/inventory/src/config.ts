import { subgraphConfig, type z } from '@play-economy/chassis';

const settings = subgraphConfig('inventory', 4003, {});

export type InventoryConfig = z.infer<typeof settings.schema>;

/** Inventory's settings, from the environment; throws naming every bad variable. */
export const loadInventoryConfig = settings.load;
