/* This file was automatically generated. DO NOT UPDATE MANUALLY. */
    import type   { Resolvers } from './types.generated.ts';
    import    { grantItems as Mutation_grantItems } from './Mutation/grantItems.ts';
import    { inventoryChanged as Subscription_inventoryChanged } from './Subscription/inventoryChanged.ts';
import    { InventoryChange } from './InventoryChange.ts';
import    { InventoryEntry } from './InventoryEntry.ts';
import    { Item } from './Item.ts';
import    { User } from './User.ts';
import    { DateTimeResolver } from 'graphql-scalars';
    export const resolvers: Resolvers = {
      
      Mutation: { grantItems: Mutation_grantItems },
      Subscription: { inventoryChanged: Subscription_inventoryChanged },
      InventoryChange: InventoryChange,
InventoryEntry: InventoryEntry,
Item: Item,
User: User,
DateTime: DateTimeResolver
    }