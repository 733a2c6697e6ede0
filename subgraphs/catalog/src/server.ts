import { readFileSync } from 'node:fs';
import {
  busSettingsOf,
  routerSecretOf,
  serveSubgraph,
  startServiceRuntime,
  type EventBus,
} from '@play-economy/chassis';
import { parse } from 'graphql';
import { CreateItem } from './application/CreateItem.ts';
import { DeleteItem } from './application/DeleteItem.ts';
import { GetItem } from './application/GetItem.ts';
import { ListItems } from './application/ListItems.ts';
import { UpdateItem } from './application/UpdateItem.ts';
import type { CatalogConfig } from './config.ts';
import type { Context } from './graphql/context.ts';
import { resolvers } from './graphql/resolvers.generated.ts';
import { MongoItemRepository } from './infrastructure/MongoItemRepository.ts';

const typeDefs = parse(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

export interface RunningCatalog {
  url: string;
  stop(): Promise<void>;
}

export interface StartOverrides {
  /** A bus shared with the other services of this process (embedded mode). */
  bus?: EventBus;
}

/** Boots the catalog subgraph: store, bus, outbox relay, then the GraphQL server. */
export async function start(
  config: CatalogConfig,
  overrides: StartOverrides = {},
): Promise<RunningCatalog> {
  const runtime = await startServiceRuntime({
    service: 'catalog',
    database: config.CATALOG_DATABASE,
    mongodbUrl: config.MONGODB_URL,
    ...busSettingsOf(config),
    dataDir: config.DATA_DIR,
    logLevel: config.LOG_LEVEL,
    bus: overrides.bus,
  });
  try {
    const items = await MongoItemRepository.create(runtime.store);
    const catalog = {
      getItem: new GetItem(items),
      listItems: new ListItems(items),
      createItem: new CreateItem(items, runtime.unitOfWork),
      updateItem: new UpdateItem(items, runtime.unitOfWork),
      deleteItem: new DeleteItem(items, runtime.unitOfWork),
    };
    const server = await serveSubgraph<Context>({
      typeDefs,
      resolvers,
      context: (base) => ({ ...base, catalog }),
      port: config.CATALOG_PORT,
      host: config.CATALOG_HOST,
      routerSecret: routerSecretOf(config),
      logger: runtime.logger,
      readiness: runtime.readiness,
      metrics: runtime.metrics,
    });
    return {
      url: server.url,
      async stop() {
        await server.stop();
        await runtime.close();
      },
    };
  } catch (error) {
    await runtime.close();
    throw error;
  }
}
