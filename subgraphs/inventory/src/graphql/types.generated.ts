import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { InventoryChangeMapper, InventoryEntryMapper, ItemMapper, UserMapper } from './schema.mappers.ts';
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

/** A change of one user's quantity of one item. */
export type InventoryChange = {
  __typename?: 'InventoryChange';
  /** The change itself: positive when items were added, negative when removed. */
  delta: Scalars['Int']['output'];
  /** The item whose quantity changed. */
  item: Item;
  /** The user's quantity of the item after the change. */
  quantity: Scalars['Int']['output'];
  /** Whose inventory changed. */
  user: User;
};

/** How many of one item a user owns. */
export type InventoryEntry = {
  __typename?: 'InventoryEntry';
  /** When the user first acquired this item. */
  acquiredAt: Scalars['DateTime']['output'];
  /** The item owned. */
  item: Item;
  /** How many the user owns in all, at least 1. */
  quantity: Scalars['Int']['output'];
};

/** Something a player can buy from the store and keep in an inventory. */
export type Item = {
  __typename?: 'Item';
  /** Stable identifier of the item. */
  id: Scalars['ID']['output'];
  /** How many of this item the signed-in caller owns; 0 when none or when anonymous. */
  ownedQuantity: Scalars['Int']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Gives a user `quantity` (1 to 1000) of an item and returns their entry after the grant. An
   * item unknown to inventory or deleted from the catalog is NOT_FOUND; an item created moments
   * ago may be NOT_FOUND until inventory has heard of it. Admins only.
   */
  grantItems: InventoryEntry;
};


export type MutationgrantItemsArgs = {
  itemId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
  userId: Scalars['ID']['input'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Every change of a user's inventory from now on, as it happens: your own, or (admins only)
   * the user named by `userId` (FORBIDDEN for another player's).
   */
  inventoryChanged: InventoryChange;
};


export type SubscriptioninventoryChangedArgs = {
  userId?: InputMaybe<Scalars['ID']['input']>;
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
   * What the user owns, one entry per item, oldest acquisition first (ties in item id order), one
   * page at a time. `first` is 0 to 100 (BAD_USER_INPUT otherwise, naming `first`); `after` is the
   * item id of the last entry of the previous page, and the page holds the entries that follow it
   * (an item this user never had is BAD_USER_INPUT naming `after`). A page shorter than `first`
   * is the last one. Items since deleted from the catalog are left out. Only the user themself or
   * an admin may read it (FORBIDDEN otherwise).
   */
  inventory: Array<InventoryEntry>;
};


/**
 * Someone with an account. `email` and `gil` are private: only the user themself and admins may
 * read them (FORBIDDEN otherwise); the other fields are public.
 */
export type UserinventoryArgs = {
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
  Item: Item;
  User: User;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Item:
    ( { __typename: 'Item' }
    & GraphQLRecursivePick<FederationTypes['Item'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  CacheControlScope: ResolverTypeWrapper<'PUBLIC' | 'PRIVATE'>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  InventoryChange: ResolverTypeWrapper<InventoryChangeMapper>;
  InventoryEntry: ResolverTypeWrapper<InventoryEntryMapper>;
  Item: ResolverTypeWrapper<ItemMapper>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  User: ResolverTypeWrapper<UserMapper>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  DateTime: Scalars['DateTime']['output'];
  InventoryChange: InventoryChangeMapper;
  InventoryEntry: InventoryEntryMapper;
  Item: ItemMapper;
  ID: Scalars['ID']['output'];
  Mutation: Record<PropertyKey, never>;
  Subscription: Record<PropertyKey, never>;
  User: UserMapper;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
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

export type InventoryChangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InventoryChange'] = ResolversParentTypes['InventoryChange']> = {
  delta?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  item?: Resolver<ResolversTypes['Item'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type InventoryEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InventoryEntry'] = ResolversParentTypes['InventoryEntry']> = {
  acquiredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  item?: Resolver<ResolversTypes['Item'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ItemResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Item'] = ResolversParentTypes['Item'], FederationReferenceType extends FederationReferenceTypes['Item'] = FederationReferenceTypes['Item']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Item']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ownedQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  grantItems?: Resolver<ResolversTypes['InventoryEntry'], ParentType, ContextType, RequireFields<MutationgrantItemsArgs, 'itemId' | 'quantity' | 'userId'>>;
};

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  inventoryChanged?: SubscriptionResolver<ResolversTypes['InventoryChange'], "inventoryChanged", ParentType, ContextType, Partial<SubscriptioninventoryChangedArgs>>;
};

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inventory?: Resolver<Array<ResolversTypes['InventoryEntry']>, ParentType, ContextType, RequireFields<UserinventoryArgs, 'first'>>;
};

export type Resolvers<ContextType = Context> = {
  CacheControlScope?: CacheControlScopeResolvers;
  DateTime?: GraphQLScalarType;
  InventoryChange?: InventoryChangeResolvers<ContextType>;
  InventoryEntry?: InventoryEntryResolvers<ContextType>;
  Item?: ItemResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = Context> = {
  cacheControl?: cacheControlDirectiveResolver<any, any, ContextType>;
};
