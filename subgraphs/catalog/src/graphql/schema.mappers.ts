import type { Item } from '../domain/Item.ts';
import type { ItemPage } from '../domain/ItemRepository.ts';

/** GraphQL `Item` fields are read straight off the domain aggregate. */
export type ItemMapper = Item;

/** A page from the repository; edges and cursors are derived in the resolvers. */
export type ItemConnectionMapper = ItemPage;

export type ItemEdgeMapper = Item;
