import { subgraphConfig, type z } from '@play-economy/chassis';

const settings = subgraphConfig('catalog', 4001, {});

export type CatalogConfig = z.infer<typeof settings.schema>;

/** The catalog's settings, from the environment; throws naming every bad variable. */
export const loadCatalogConfig = settings.load;
