import { defineSubgraph } from '@play-economy/chassis';
import { CreateItem } from './application/CreateItem.ts';
import { DeleteItem } from './application/DeleteItem.ts';
import { GetItem } from './application/GetItem.ts';
import { ListItems } from './application/ListItems.ts';
import { UpdateItem } from './application/UpdateItem.ts';
import { loadCatalogConfig, type CatalogConfig } from './config.ts';
import type { Context } from './graphql/context.ts';
import { resolvers } from './graphql/resolvers.generated.ts';
import { MongoItemRepository } from './infrastructure/MongoItemRepository.ts';

/** The catalog subgraph: items, their prices, and the events that tell the others. */
export const catalogSubgraph = defineSubgraph<CatalogConfig, Context>({
  name: 'catalog',
  schema: new URL('../schema.graphql', import.meta.url),
  resolvers,
  loadConfig: loadCatalogConfig,
  async wire({ store, unitOfWork }) {
    const items = await MongoItemRepository.create(store);
    const catalog = {
      getItem: new GetItem(items),
      listItems: new ListItems(items),
      createItem: new CreateItem(items, unitOfWork),
      updateItem: new UpdateItem(items, unitOfWork),
      deleteItem: new DeleteItem(items, unitOfWork),
    };
    return { context: (base) => ({ ...base, catalog }) };
  },
});
