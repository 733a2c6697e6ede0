import type { CreateItem } from './CreateItem.ts';
import type { DeleteItem } from './DeleteItem.ts';
import type { GetItem } from './GetItem.ts';
import type { ListItems } from './ListItems.ts';
import type { UpdateItem } from './UpdateItem.ts';

/** Everything the catalog can do, as handed to its GraphQL resolvers. */
export interface CatalogUseCases {
  getItem: GetItem;
  listItems: ListItems;
  createItem: CreateItem;
  updateItem: UpdateItem;
  deleteItem: DeleteItem;
}
