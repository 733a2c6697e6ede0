import { readFileSync } from 'node:fs';
import {
  busSettingsOf,
  routerSecretOf,
  serveSubgraph,
  startServiceRuntime,
  type EventBus,
} from '@play-economy/chassis';
import { parse } from 'graphql';
import { NotifyOnInventoryChanged } from './application/NotifyOnInventoryChanged.ts';
import { GrantItemsOnGrantItemsRequested } from './application/GrantItemsOnGrantItemsRequested.ts';
import { SubtractItemsOnSubtractItemsRequested } from './application/SubtractItemsOnSubtractItemsRequested.ts';
import { TrackItemOnItemChanged } from './application/TrackItemOnItemChanged.ts';
import type { InventoryConfig } from './config.ts';
import { createInventory } from './createInventory.ts';
import type { Context } from './graphql/context.ts';
import { createBatchLoader } from './graphql/createBatchLoader.ts';
import { resolvers } from './graphql/resolvers.generated.ts';

const typeDefs = parse(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

export interface RunningInventory {
  /** The `/graphql` URL, reachable from this machine. */
  url: string;
  stop(): Promise<void>;
}

export interface StartOverrides {
  /** A bus shared with the other services of this process (embedded mode). */
  bus?: EventBus;
}

/**
 * Boots the inventory subgraph: store, bus, outbox relay, the subscribers that keep the item
 * copy and serve the purchase saga, then the GraphQL server.
 */
export async function start(
  config: InventoryConfig,
  overrides: StartOverrides = {},
): Promise<RunningInventory> {
  const runtime = await startServiceRuntime({
    service: 'inventory',
    database: config.INVENTORY_DATABASE,
    mongodbUrl: config.MONGODB_URL,
    ...busSettingsOf(config),
    dataDir: config.DATA_DIR,
    logLevel: config.LOG_LEVEL,
    bus: overrides.bus,
  });
  try {
    const { useCases, trackItem, grantItems, subtractItems, notifyChanges } = await createInventory(
      {
        store: runtime.store,
        unitOfWork: runtime.unitOfWork,
      },
    );
    await runtime.bus.subscribe({
      name: TrackItemOnItemChanged.queue,
      topics: TrackItemOnItemChanged.topics,
      handler: (message) => trackItem.handle(message),
    });
    await runtime.bus.subscribe({
      name: GrantItemsOnGrantItemsRequested.queue,
      topics: GrantItemsOnGrantItemsRequested.topics,
      handler: (message) => grantItems.handle(message),
    });
    await runtime.bus.subscribe({
      name: SubtractItemsOnSubtractItemsRequested.queue,
      topics: SubtractItemsOnSubtractItemsRequested.topics,
      handler: (message) => subtractItems.handle(message),
    });
    await runtime.bus.subscribe({
      name: NotifyOnInventoryChanged.queue,
      topics: NotifyOnInventoryChanged.topics,
      delivery: 'perInstance',
      handler: (message) => notifyChanges.handle(message),
    });

    const server = await serveSubgraph<Context>({
      typeDefs,
      resolvers,
      context: (base) => ({
        ...base,
        inventory: useCases,
        ownedQuantities: createBatchLoader((itemIds) =>
          useCases.getOwnedQuantities.execute(base.viewer, itemIds),
        ),
      }),
      port: config.INVENTORY_PORT,
      host: config.INVENTORY_HOST,
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
