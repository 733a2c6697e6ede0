/* This file was automatically generated. DO NOT UPDATE MANUALLY. */
    import type   { Resolvers } from './types.generated.ts';
    import    { item as Query_item } from './Query/item.ts';
import    { items as Query_items } from './Query/items.ts';
import    { createItem as Mutation_createItem } from './Mutation/createItem.ts';
import    { deleteItem as Mutation_deleteItem } from './Mutation/deleteItem.ts';
import    { updateItem as Mutation_updateItem } from './Mutation/updateItem.ts';
import    { Item } from './Item.ts';
import    { ItemConnection } from './ItemConnection.ts';
import    { ItemEdge } from './ItemEdge.ts';
import    { PageInfo } from './PageInfo.ts';
import    { DateTimeResolver } from 'graphql-scalars';
    export const resolvers: Resolvers = {
      Query: { item: Query_item,items: Query_items },
      Mutation: { createItem: Mutation_createItem,deleteItem: Mutation_deleteItem,updateItem: Mutation_updateItem },
      
      Item: Item,
ItemConnection: ItemConnection,
ItemEdge: ItemEdge,
PageInfo: PageInfo,
DateTime: DateTimeResolver
    }