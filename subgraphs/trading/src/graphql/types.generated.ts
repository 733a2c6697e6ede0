import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ItemMapper, PurchaseMapper, UserMapper } from './schema.mappers.ts';
import type { Context } from './context.ts';
export type Maybe<T> = T | null | undefined;
export type InputMaybe<T> = T | null | undefined;
export type EnumResolverSignature<T, AllowedValues = any> = { [key in keyof T]?: AllowedValues };
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 instant in UTC, e.g. `2026-11-22T10:15:30.000Z`. */
  DateTime: { input: Date | string; output: Date | string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** Who may share a cached result: anyone (`PUBLIC`), or only the caller it was made for (`PRIVATE`). */
export type CacheControlScope =
  /** Depends on the caller: cached per user, never served to another. */
  | 'PRIVATE'
  /** Same for every caller: routers, CDNs and browsers may share it. */
  | 'PUBLIC';

/** Something a player can buy from the store and keep in an inventory. */
export type Item = {
  __typename?: 'Item';
  /** Stable identifier of the item. */
  id: Scalars['ID']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Buys an item with gil. Returns at once with the purchase `ACCEPTED`; follow it with
   * `purchase(id)` or the `purchaseUpdated` subscription until it is `COMPLETED` or `FAULTED`.
   */
  purchase: Purchase;
};


export type MutationpurchaseArgs = {
  input: PurchaseInput;
};

/**
 * A player's order of some quantity of one item, settled asynchronously: the items are granted,
 * then the gil is taken. Readable by the buyer and by admins.
 */
export type Purchase = {
  __typename?: 'Purchase';
  /** When the purchase was accepted. */
  createdAt: Scalars['DateTime']['output'];
  /** Why the purchase failed, in words for the player; null unless `FAULTED`. */
  failureReason?: Maybe<Scalars['String']['output']>;
  /** Stable identifier of the purchase. */
  id: Scalars['ID']['output'];
  /** What was bought. */
  item: Item;
  /** How many units, 1 to 100. */
  quantity: Scalars['Int']['output'];
  /** Where the purchase is in its saga. */
  state: PurchaseState;
  /** Gil the purchase costs: the item's price when it was accepted, times `quantity`. */
  total: Scalars['Int']['output'];
  /** When the purchase last changed state. */
  updatedAt: Scalars['DateTime']['output'];
  /** The buyer. */
  user: User;
};

/** What to buy. */
export type PurchaseInput = {
  /**
   * 1 to 100 characters chosen by the client, unique per intended purchase. Sending the same key
   * again returns the same purchase instead of buying twice; reusing it for a different item or
   * quantity is CONFLICT.
   */
  idempotencyKey: Scalars['String']['input'];
  /** The item to buy; an item not sold (unknown or deleted) is NOT_FOUND. */
  itemId: Scalars['ID']['input'];
  /** How many units, 1 to 100. */
  quantity: Scalars['Int']['input'];
};

/**
 * Where a purchase is in its saga. `ACCEPTED` and `ITEMS_GRANTED` are on the way; `COMPLETED` and
 * `FAULTED` are final.
 */
export type PurchaseState =
  /** Recorded and priced; the items are being granted. */
  | 'ACCEPTED'
  /** Paid for and delivered. */
  | 'COMPLETED'
  /** Did not go through; neither gil nor inventory changed. `failureReason` says why. */
  | 'FAULTED'
  /** The items are in the buyer's inventory; the gil is being taken (or the items taken back). */
  | 'ITEMS_GRANTED';

export type Query = {
  __typename?: 'Query';
  /**
   * One purchase by id: your own, or anyone's for an admin (FORBIDDEN for another player's).
   * Null when there is no such purchase.
   */
  purchase?: Maybe<Purchase>;
};


export type QuerypurchaseArgs = {
  id: Scalars['ID']['input'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Your purchases as they move through their saga, from now on: each new state once. With `id`,
   * only that purchase: your own, or anyone's for an admin (FORBIDDEN for another player's,
   * NOT_FOUND when there is no such purchase).
   */
  purchaseUpdated: Purchase;
};


export type SubscriptionpurchaseUpdatedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};

/**
 * Someone with an account. `email` and `gil` are private: only the user themself and admins may
 * read them (FORBIDDEN otherwise); the other fields are public.
 */
export type User = {
  __typename?: 'User';
  /** Stable identifier of the user. */
  id: Scalars['ID']['output'];
  /**
   * The user's purchases, newest first (by when they were accepted; ties in id order, descending),
   * one page at a time. `first` is 0 to 100 (BAD_USER_INPUT otherwise, naming `first`); `after` is
   * the id of the last purchase of the previous page, and the page holds the purchases that
   * follow it (an id that is not one of this user's purchases is BAD_USER_INPUT naming `after`).
   * A page shorter than `first` is the last one. Only the user themself or an admin (FORBIDDEN
   * otherwise).
   */
  purchases: Array<Purchase>;
};


/**
 * Someone with an account. `email` and `gil` are private: only the user themself and admins may
 * read them (FORBIDDEN otherwise); the other fields are public.
 */
export type UserpurchasesArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Purchase: Purchase;
  User: User;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Purchase:
    ( { __typename: 'Purchase' }
    & GraphQLRecursivePick<FederationTypes['Purchase'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  CacheControlScope: ResolverTypeWrapper<'PUBLIC' | 'PRIVATE'>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Item: ResolverTypeWrapper<ItemMapper>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Purchase: ResolverTypeWrapper<PurchaseMapper>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  PurchaseInput: PurchaseInput;
  PurchaseState: ResolverTypeWrapper<'ACCEPTED' | 'ITEMS_GRANTED' | 'COMPLETED' | 'FAULTED'>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  User: ResolverTypeWrapper<UserMapper>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  DateTime: Scalars['DateTime']['output'];
  Item: ItemMapper;
  ID: Scalars['ID']['output'];
  Mutation: Record<PropertyKey, never>;
  Purchase: PurchaseMapper;
  String: Scalars['String']['output'];
  PurchaseInput: PurchaseInput;
  Query: Record<PropertyKey, never>;
  Subscription: Record<PropertyKey, never>;
  User: UserMapper;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
};

export type cacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type cacheControlDirectiveResolver<Result, Parent, ContextType = Context, Args = cacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CacheControlScopeResolvers = EnumResolverSignature<{ PRIVATE?: any, PUBLIC?: any }, ResolversTypes['CacheControlScope']>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type ItemResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Item'] = ResolversParentTypes['Item']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  purchase?: Resolver<ResolversTypes['Purchase'], ParentType, ContextType, RequireFields<MutationpurchaseArgs, 'input'>>;
};

export type PurchaseResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Purchase'] = ResolversParentTypes['Purchase'], FederationReferenceType extends FederationReferenceTypes['Purchase'] = FederationReferenceTypes['Purchase']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Purchase']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  failureReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  item?: Resolver<ResolversTypes['Item'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['PurchaseState'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type PurchaseStateResolvers = EnumResolverSignature<{ ACCEPTED?: any, COMPLETED?: any, FAULTED?: any, ITEMS_GRANTED?: any }, ResolversTypes['PurchaseState']>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  purchase?: Resolver<Maybe<ResolversTypes['Purchase']>, ParentType, ContextType, RequireFields<QuerypurchaseArgs, 'id'>>;
};

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  purchaseUpdated?: SubscriptionResolver<ResolversTypes['Purchase'], "purchaseUpdated", ParentType, ContextType, Partial<SubscriptionpurchaseUpdatedArgs>>;
};

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  purchases?: Resolver<Array<ResolversTypes['Purchase']>, ParentType, ContextType, RequireFields<UserpurchasesArgs, 'first'>>;
};

export type Resolvers<ContextType = Context> = {
  CacheControlScope?: CacheControlScopeResolvers;
  DateTime?: GraphQLScalarType;
  Item?: ItemResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Purchase?: PurchaseResolvers<ContextType>;
  PurchaseState?: PurchaseStateResolvers;
  Query?: QueryResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = Context> = {
  cacheControl?: cacheControlDirectiveResolver<any, any, ContextType>;
};
