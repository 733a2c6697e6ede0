/* This file was automatically generated. DO NOT UPDATE MANUALLY. */
    import type   { Resolvers } from './types.generated.ts';
    import    { purchase as Query_purchase } from './Query/purchase.ts';
import    { purchase as Mutation_purchase } from './Mutation/purchase.ts';
import    { purchaseUpdated as Subscription_purchaseUpdated } from './Subscription/purchaseUpdated.ts';
import    { Item } from './Item.ts';
import    { Purchase } from './Purchase.ts';
import    { User } from './User.ts';
import    { DateTimeResolver } from 'graphql-scalars';
    export const resolvers: Resolvers = {
      Query: { purchase: Query_purchase },
      Mutation: { purchase: Mutation_purchase },
      Subscription: { purchaseUpdated: Subscription_purchaseUpdated },
      Item: Item,
Purchase: Purchase,
User: User,
DateTime: DateTimeResolver
    }