import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { AuthPayloadMapper, UserMapper, UserConnectionMapper, UserEdgeMapper } from './schema.mappers.ts';
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

/**
 * A signed-in session: a short-lived access token for the `Authorization: Bearer` header and a
 * refresh token to get the next one.
 */
export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** JWT (ES256) to send as `Authorization: Bearer <token>`; expires after `expiresIn` seconds. */
  accessToken: Scalars['String']['output'];
  /** Seconds until `accessToken` expires. */
  expiresIn: Scalars['Int']['output'];
  /**
   * Opaque token for `refreshToken`. Usable once: each use returns a new one, and using an old
   * one again signs out every session it descends from.
   */
  refreshToken: Scalars['String']['output'];
  /** The signed-in user. */
  user: User;
};

/** Who may share a cached result: anyone (`PUBLIC`), or only the caller it was made for (`PRIVATE`). */
export type CacheControlScope =
  /** Depends on the caller: cached per user, never served to another. */
  | 'PRIVATE'
  /** Same for every caller: routers, CDNs and browsers may share it. */
  | 'PUBLIC';

/** Credentials to sign in with. */
export type LoginInput = {
  /** The account's password. */
  password: Scalars['String']['input'];
  /** The username or the email address of the account. */
  usernameOrEmail: Scalars['String']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Adds (positive `amount`) or removes (negative) gil. A balance would never go below 0: that is
   * INSUFFICIENT_GIL and nothing changes. An unknown user is NOT_FOUND. Admins only.
   */
  adjustGil: User;
  /**
   * Replaces the caller's password and returns a fresh session; every other session of theirs
   * is signed out (all their refresh tokens stop working). A wrong `currentPassword` is
   * BAD_USER_INPUT naming it, and counts as a failed sign-in: too many are RATE_LIMITED
   * (`extensions.retryAfterSeconds`), as for `login`. A `newPassword` breaking the password rules
   * is BAD_USER_INPUT naming it. Anonymous callers get UNAUTHENTICATED. Weighs 200 in an
   * operation's cost: it checks the current password and hashes the new one with scrypt.
   */
  changePassword: AuthPayload;
  /**
   * Signs in. Wrong credentials are UNAUTHENTICATED. Too many failed attempts are RATE_LIMITED
   * for a while (`extensions.retryAfterSeconds`): for one account from one address (for longer
   * with each further failure, and only from that address), from one address, or for one
   * account from all addresses together. Weighs 100 in an operation's cost: it checks the
   * password with scrypt (for an unknown account too, against a decoy hash), which takes 128 MiB
   * of memory and a fraction of a second of CPU.
   */
  login: AuthPayload;
  /**
   * Exchanges a refresh token for a new session. Each refresh token works once; presenting a
   * used one again is UNAUTHENTICATED and revokes every token descending from the same sign-in,
   * as does a token of a session that was signed out or ended by a password change.
   */
  refreshToken: AuthPayload;
  /**
   * Creates a player account with the starting gil and signs it in. A taken username or email
   * is CONFLICT; a value breaking the rules is BAD_USER_INPUT naming the field. Too many
   * registrations from one address are RATE_LIMITED for a while (`extensions.retryAfterSeconds`).
   * Weighs 100 in an operation's cost: it hashes the password with scrypt, which takes 128 MiB of
   * memory and a fraction of a second of CPU.
   */
  register: AuthPayload;
  /**
   * Signs out the session a refresh token belongs to: that token and every other token from the
   * same sign-in stop working. True when the token belonged to a session; false for an unknown
   * token. Needs no access token. The session's access token stays valid until it expires.
   */
  signOut: Scalars['Boolean']['output'];
  /**
   * Signs the caller out of every session: all their refresh tokens stop working. Always true.
   * Access tokens already issued stay valid until they expire. Anonymous callers get
   * UNAUTHENTICATED.
   */
  signOutEverywhere: Scalars['Boolean']['output'];
};


export type MutationadjustGilArgs = {
  amount: Scalars['Int']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationchangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


export type MutationloginArgs = {
  input: LoginInput;
};


export type MutationrefreshTokenArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationregisterArgs = {
  input: RegisterInput;
};


export type MutationsignOutArgs = {
  refreshToken: Scalars['String']['input'];
};

/** Paging state of a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge of this page, or null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The signed-in user, or null for an anonymous caller. */
  me?: Maybe<User>;
  /**
   * One user by id: yourself, or anyone for an admin (FORBIDDEN for another player's id). Null
   * when there is no such user.
   */
  user?: Maybe<User>;
  /** Every user, sorted by username ignoring case. `first` is 0 to 100. Admins only. */
  users: UserConnection;
};


export type QueryuserArgs = {
  id: Scalars['ID']['input'];
};


export type QueryusersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A new player's account. */
export type RegisterInput = {
  /** A valid email address; unique ignoring case. */
  email: Scalars['String']['input'];
  /** 10 to 200 characters. */
  password: Scalars['String']['input'];
  /** 3 to 32 characters from `A-Z a-z 0-9 _ . -`; unique ignoring case. */
  username: Scalars['String']['input'];
};

/** What a user may do. Roles are also the scopes `@requiresScopes` checks. */
export type Role =
  /** Runs the game economy: manages items, users and gil. */
  | 'ADMIN'
  /** Plays the game: buys items with gil. */
  | 'PLAYER';

/**
 * Someone with an account. `email` and `gil` are private: only the user themself and admins may
 * read them (FORBIDDEN otherwise); the other fields are public.
 */
export type User = {
  __typename?: 'User';
  /** When the account was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Email address, lower-cased. Private: the user themself or an admin. */
  email: Scalars['String']['output'];
  /** Balance of gil, never below 0. Private: the user themself or an admin. */
  gil: Scalars['Int']['output'];
  /** Stable identifier of the user. */
  id: Scalars['ID']['output'];
  /** What the user may do: each role at most once, so at most two. */
  roles: Array<Role>;
  /** Unique name, 3 to 32 characters from `A-Z a-z 0-9 _ . -`, compared ignoring case. */
  username: Scalars['String']['output'];
};

/** One page of users, Relay-style. */
export type UserConnection = {
  __typename?: 'UserConnection';
  /** The users of this page, each with the cursor to resume after it. */
  edges: Array<UserEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** How many users there are in all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A user and their position in a connection. */
export type UserEdge = {
  __typename?: 'UserEdge';
  /** Opaque position of this edge; pass it as `after` to get the users that follow. */
  cursor: Scalars['String']['output'];
  /** The user. */
  node: User;
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
  User: User;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuthPayload: ResolverTypeWrapper<AuthPayloadMapper>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CacheControlScope: ResolverTypeWrapper<'PUBLIC' | 'PRIVATE'>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  LoginInput: LoginInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegisterInput: RegisterInput;
  Role: ResolverTypeWrapper<'ADMIN' | 'PLAYER'>;
  User: ResolverTypeWrapper<UserMapper>;
  UserConnection: ResolverTypeWrapper<UserConnectionMapper>;
  UserEdge: ResolverTypeWrapper<UserEdgeMapper>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuthPayload: AuthPayloadMapper;
  String: Scalars['String']['output'];
  DateTime: Scalars['DateTime']['output'];
  LoginInput: LoginInput;
  Mutation: Record<PropertyKey, never>;
  ID: Scalars['ID']['output'];
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  RegisterInput: RegisterInput;
  User: UserMapper;
  UserConnection: UserConnectionMapper;
  UserEdge: UserEdgeMapper;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
};

export type cacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type cacheControlDirectiveResolver<Result, Parent, ContextType = Context, Args = cacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AuthPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload']> = {
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresIn?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  refreshToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type CacheControlScopeResolvers = EnumResolverSignature<{ PRIVATE?: any, PUBLIC?: any }, ResolversTypes['CacheControlScope']>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  adjustGil?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationadjustGilArgs, 'amount' | 'userId'>>;
  changePassword?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationchangePasswordArgs, 'currentPassword' | 'newPassword'>>;
  login?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationloginArgs, 'input'>>;
  refreshToken?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationrefreshTokenArgs, 'refreshToken'>>;
  register?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationregisterArgs, 'input'>>;
  signOut?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationsignOutArgs, 'refreshToken'>>;
  signOutEverywhere?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  me?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryuserArgs, 'id'>>;
  users?: Resolver<ResolversTypes['UserConnection'], ParentType, ContextType, RequireFields<QueryusersArgs, 'first'>>;
};

export type RoleResolvers = EnumResolverSignature<{ ADMIN?: any, PLAYER?: any }, ResolversTypes['Role']>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  gil?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
  username?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UserConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserConnection'] = ResolversParentTypes['UserConnection']> = {
  edges?: Resolver<Array<ResolversTypes['UserEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type UserEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserEdge'] = ResolversParentTypes['UserEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  CacheControlScope?: CacheControlScopeResolvers;
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Role?: RoleResolvers;
  User?: UserResolvers<ContextType>;
  UserConnection?: UserConnectionResolvers<ContextType>;
  UserEdge?: UserEdgeResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = Context> = {
  cacheControl?: cacheControlDirectiveResolver<any, any, ContextType>;
};
