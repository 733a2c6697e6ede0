import { startSubgraph, type StartSubgraphOptions } from '@play-economy/chassis';
import type { InventoryConfig } from './config.ts';
import { inventorySubgraph } from './inventorySubgraph.ts';

export { inventorySubgraph as subgraph };

/** Boots the inventory subgraph (see `startSubgraph`). */
export const start = (
  config: InventoryConfig,
  options: StartSubgraphOptions<InventoryConfig> = {},
) => startSubgraph(inventorySubgraph, { ...options, config });

export type RunningInventory = Awaited<ReturnType<typeof start>>;
