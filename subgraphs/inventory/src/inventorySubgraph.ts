import { defineSubgraph, subscriberOf } from '@play-economy/chassis';
import { GrantItemsOnGrantItemsRequested } from './application/GrantItemsOnGrantItemsRequested.ts';
import { NotifyOnInventoryChanged } from './application/NotifyOnInventoryChanged.ts';
import { SubtractItemsOnSubtractItemsRequested } from './application/SubtractItemsOnSubtractItemsRequested.ts';
import { TrackItemOnItemChanged } from './application/TrackItemOnItemChanged.ts';
import { loadInventoryConfig, type InventoryConfig } from './config.ts';
import { createInventory } from './createInventory.ts';
import type { Context } from './graphql/context.ts';
import { createBatchLoader } from './graphql/createBatchLoader.ts';
import { resolvers } from './graphql/resolvers.generated.ts';

/**
 * The inventory subgraph: what each player owns, the copy of which catalog items exist, and the
 * grants and subtractions of the purchase saga; live changes feed its subscriptions.
 */
export const inventorySubgraph = defineSubgraph<InventoryConfig, Context>({
  name: 'inventory',
  schema: new URL('../schema.graphql', import.meta.url),
  resolvers,
  loadConfig: loadInventoryConfig,
  async wire({ store, unitOfWork }) {
    const { useCases, trackItem, grantItems, subtractItems, notifyChanges } = await createInventory(
      { store, unitOfWork },
    );
    return {
      context: (base) => ({
        ...base,
        inventory: useCases,
        ownedQuantities: createBatchLoader((itemIds) =>
          useCases.getOwnedQuantities.execute(base.viewer, itemIds),
        ),
      }),
      subscribers: [
        subscriberOf(TrackItemOnItemChanged, trackItem),
        subscriberOf(GrantItemsOnGrantItemsRequested, grantItems),
        subscriberOf(SubtractItemsOnSubtractItemsRequested, subtractItems),
        subscriberOf(NotifyOnInventoryChanged, notifyChanges),
      ],
    };
  },
});
