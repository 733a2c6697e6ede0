import { startSubgraph, type StartSubgraphOptions } from '@play-economy/chassis';
import { catalogSubgraph } from './catalogSubgraph.ts';
import type { CatalogConfig } from './config.ts';

export { catalogSubgraph as subgraph };

/** Boots the catalog subgraph (see `startSubgraph`). */
export const start = (config: CatalogConfig, options: StartSubgraphOptions<CatalogConfig> = {}) =>
  startSubgraph(catalogSubgraph, { ...options, config });

export type RunningCatalog = Awaited<ReturnType<typeof start>>;
