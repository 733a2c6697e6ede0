/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 instant in UTC, e.g. `2026-11-22T10:15:30.000Z`. */
  DateTime: { input: string; output: string; }
  join__DirectiveArguments: { input: any; output: any; }
  join__FieldSet: { input: any; output: any; }
  join__FieldValue: { input: any; output: any; }
  link__Import: { input: any; output: any; }
  requiresScopes__Scope: { input: any; output: any; }
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

/** Fields of a new item. */
export type CreateItemInput = {
  /** At most 1000 characters. */
  description: Scalars['String']['input'];
  /** 1 to 100 characters. */
  name: Scalars['String']['input'];
  /** Whole gil from 1 to 1,000,000. */
  price: Scalars['Int']['input'];
};

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
  /** When the item was added to the catalog. */
  createdAt: Scalars['DateTime']['output'];
  /** What the item is or does, at most 1000 characters. */
  description: Scalars['String']['output'];
  /** Stable identifier of the item. */
  id: Scalars['ID']['output'];
  /** Display name, 1 to 100 characters. */
  name: Scalars['String']['output'];
  /** How many of this item the signed-in caller owns; 0 when none or when anonymous. */
  ownedQuantity: Scalars['Int']['output'];
  /** Price of one unit in gil, a whole number from 1 to 1,000,000. */
  price: Scalars['Int']['output'];
  /** When the item last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** One page of items, Relay-style. */
export type ItemConnection = {
  __typename?: 'ItemConnection';
  /** The items of this page, each with the cursor to resume after it. */
  edges: Array<ItemEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** How many items match the query in all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An item and its position in a connection. */
export type ItemEdge = {
  __typename?: 'ItemEdge';
  /** Opaque position of this edge; pass it as `after` to get the items that follow. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Item;
};

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
  /** Adds an item to the catalog. ADMIN only. */
  createItem: Item;
  /** Removes an item and returns its id. An unknown id is NOT_FOUND. ADMIN only. */
  deleteItem: Scalars['ID']['output'];
  /**
   * Gives a user `quantity` (1 to 1000) of an item and returns their entry after the grant. An
   * item unknown to inventory or deleted from the catalog is NOT_FOUND; an item created moments
   * ago may be NOT_FOUND until inventory has heard of it. Admins only.
   */
  grantItems: InventoryEntry;
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
   * Buys an item with gil. Returns at once with the purchase `ACCEPTED`; follow it with
   * `purchase(id)` or the `purchaseUpdated` subscription until it is `COMPLETED` or `FAULTED`.
   */
  purchase: Purchase;
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
  /** Changes an item. An unknown id is NOT_FOUND. ADMIN only. */
  updateItem: Item;
};


export type MutationAdjustGilArgs = {
  amount: Scalars['Int']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationChangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


export type MutationCreateItemArgs = {
  input: CreateItemInput;
};


export type MutationDeleteItemArgs = {
  id: Scalars['ID']['input'];
};


export type MutationGrantItemsArgs = {
  itemId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationLoginArgs = {
  input: LoginInput;
};


export type MutationPurchaseArgs = {
  input: PurchaseInput;
};


export type MutationRefreshTokenArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRegisterArgs = {
  input: RegisterInput;
};


export type MutationSignOutArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationUpdateItemArgs = {
  id: Scalars['ID']['input'];
  input: UpdateItemInput;
};

/** Paging state of a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge of this page, or null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
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
  /** One item by id, or null when there is none. */
  item?: Maybe<Item>;
  /**
   * The catalog, sorted by name. `first` is 0 to 100; `after` is a cursor from a previous page;
   * `search` keeps items whose name contains it, ignoring case.
   */
  items: ItemConnection;
  /** The signed-in user, or null for an anonymous caller. */
  me?: Maybe<User>;
  /**
   * One purchase by id: your own, or anyone's for an admin (FORBIDDEN for another player's).
   * Null when there is no such purchase.
   */
  purchase?: Maybe<Purchase>;
  /**
   * One user by id: yourself, or anyone for an admin (FORBIDDEN for another player's id). Null
   * when there is no such user.
   */
  user?: Maybe<User>;
  /** Every user, sorted by username ignoring case. `first` is 0 to 100. Admins only. */
  users: UserConnection;
};


export type QueryItemArgs = {
  id: Scalars['ID']['input'];
};


export type QueryItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryPurchaseArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUsersArgs = {
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

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Every change of a user's inventory from now on, as it happens: your own, or (admins only)
   * the user named by `userId` (FORBIDDEN for another player's).
   */
  inventoryChanged: InventoryChange;
  /**
   * Your purchases as they move through their saga, from now on: each new state once. With `id`,
   * only that purchase: your own, or anyone's for an admin (FORBIDDEN for another player's,
   * NOT_FOUND when there is no such purchase).
   */
  purchaseUpdated: Purchase;
};


export type SubscriptionInventoryChangedArgs = {
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionPurchaseUpdatedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};

/** Fields to change on an item; omitted fields keep their value. */
export type UpdateItemInput = {
  /** At most 1000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 100 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Whole gil from 1 to 1,000,000. */
  price?: InputMaybe<Scalars['Int']['input']>;
};

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
  /**
   * What the user owns, one entry per item, oldest acquisition first (ties in item id order), one
   * page at a time. `first` is 0 to 100 (BAD_USER_INPUT otherwise, naming `first`); `after` is the
   * item id of the last entry of the previous page, and the page holds the entries that follow it
   * (an item this user never had is BAD_USER_INPUT naming `after`). A page shorter than `first`
   * is the last one. Items since deleted from the catalog are left out. Only the user themself or
   * an admin may read it (FORBIDDEN otherwise).
   */
  inventory: Array<InventoryEntry>;
  /**
   * The user's purchases, newest first (by when they were accepted; ties in id order, descending),
   * one page at a time. `first` is 0 to 100 (BAD_USER_INPUT otherwise, naming `first`); `after` is
   * the id of the last purchase of the previous page, and the page holds the purchases that
   * follow it (an id that is not one of this user's purchases is BAD_USER_INPUT naming `after`).
   * A page shorter than `first` is the last one. Only the user themself or an admin (FORBIDDEN
   * otherwise).
   */
  purchases: Array<Purchase>;
  /** What the user may do: each role at most once, so at most two. */
  roles: Array<Role>;
  /** Unique name, 3 to 32 characters from `A-Z a-z 0-9 _ . -`, compared ignoring case. */
  username: Scalars['String']['output'];
};


/**
 * Someone with an account. `email` and `gil` are private: only the user themself and admins may
 * read them (FORBIDDEN otherwise); the other fields are public.
 */
export type UserInventoryArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Someone with an account. `email` and `gil` are private: only the user themself and admins may
 * read them (FORBIDDEN otherwise); the other fields are public.
 */
export type UserPurchasesArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
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

export type Join__ContextArgument = {
  context: Scalars['String']['input'];
  name: Scalars['String']['input'];
  selection: Scalars['join__FieldValue']['input'];
  type: Scalars['String']['input'];
};

export type Join__Graph =
  | 'CATALOG'
  | 'IDENTITY'
  | 'INVENTORY'
  | 'TRADING';

export type Link__Purpose =
  /** `EXECUTION` features provide metadata necessary for operation execution. */
  | 'EXECUTION'
  /** `SECURITY` features provide metadata necessary to securely resolve fields. */
  | 'SECURITY';

export type SessionFieldsFragment = { __typename: 'AuthPayload', accessToken: string, refreshToken: string, expiresIn: number, user: { __typename: 'User', id: string, username: string, roles: Array<Role> } };

export type SignUpMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type SignUpMutation = { __typename?: 'Mutation', register: { __typename: 'AuthPayload', accessToken: string, refreshToken: string, expiresIn: number, user: { __typename: 'User', id: string, username: string, roles: Array<Role> } } };

export type SignInMutationVariables = Exact<{
  input: LoginInput;
}>;


export type SignInMutation = { __typename?: 'Mutation', login: { __typename: 'AuthPayload', accessToken: string, refreshToken: string, expiresIn: number, user: { __typename: 'User', id: string, username: string, roles: Array<Role> } } };

export type RefreshSessionMutationVariables = Exact<{
  refreshToken: Scalars['String']['input'];
}>;


export type RefreshSessionMutation = { __typename?: 'Mutation', refreshToken: { __typename: 'AuthPayload', accessToken: string, refreshToken: string, expiresIn: number, user: { __typename: 'User', id: string, username: string, roles: Array<Role> } } };

export type SignOutMutationVariables = Exact<{
  refreshToken: Scalars['String']['input'];
}>;


export type SignOutMutation = { __typename?: 'Mutation', signOut: boolean };

export type AdjustGilMutationVariables = Exact<{
  userId: Scalars['ID']['input'];
  amount: Scalars['Int']['input'];
}>;


export type AdjustGilMutation = { __typename?: 'Mutation', adjustGil: { __typename: 'User', id: string, gil: number } };

export type BuyItemMutationVariables = Exact<{
  input: PurchaseInput;
}>;


export type BuyItemMutation = { __typename?: 'Mutation', purchase: { __typename: 'Purchase', id: string, state: PurchaseState, failureReason?: string | null, quantity: number, total: number, item: { __typename: 'Item', id: string, name: string } } };

export type GrantableItemsQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  search?: InputMaybe<Scalars['String']['input']>;
}>;


export type GrantableItemsQuery = { __typename?: 'Query', items: { __typename: 'ItemConnection', totalCount: number, edges: Array<{ __typename: 'ItemEdge', node: { __typename: 'Item', id: string, name: string } }> } };

export type GrantItemsMutationVariables = Exact<{
  userId: Scalars['ID']['input'];
  itemId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
}>;


export type GrantItemsMutation = { __typename?: 'Mutation', grantItems: { __typename: 'InventoryEntry', quantity: number, item: { __typename: 'Item', id: string, name: string } } };

export type BalanceQueryVariables = Exact<{ [key: string]: never; }>;


export type BalanceQuery = { __typename?: 'Query', me?: { __typename: 'User', id: string, username: string, gil: number } | null };

export type PurchaseFieldsFragment = { __typename: 'Purchase', id: string, state: PurchaseState, failureReason?: string | null, quantity: number, total: number, item: { __typename: 'Item', id: string, name: string } };

export type PurchaseUpdatesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type PurchaseUpdatesSubscription = { __typename?: 'Subscription', purchaseUpdated: { __typename: 'Purchase', id: string, state: PurchaseState, failureReason?: string | null, quantity: number, total: number, item: { __typename: 'Item', id: string, name: string } } };

export type PurchaseStatusQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PurchaseStatusQuery = { __typename?: 'Query', purchase?: { __typename: 'Purchase', id: string, state: PurchaseState, failureReason?: string | null, quantity: number, total: number, item: { __typename: 'Item', id: string, name: string } } | null };

export type InventoryUpdatesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type InventoryUpdatesSubscription = { __typename?: 'Subscription', inventoryChanged: { __typename: 'InventoryChange', quantity: number, delta: number, item: { __typename: 'Item', id: string, name: string, price: number } } };

export type CatalogItemsQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
}>;


export type CatalogItemsQuery = { __typename?: 'Query', items: { __typename: 'ItemConnection', totalCount: number, edges: Array<{ __typename: 'ItemEdge', cursor: string, node: { __typename: 'Item', id: string, name: string, description: string, price: number } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type MyInventoryQueryVariables = Exact<{
  first: Scalars['Int']['input'];
}>;


export type MyInventoryQuery = { __typename?: 'Query', me?: { __typename: 'User', id: string, inventory: Array<{ __typename: 'InventoryEntry', quantity: number, acquiredAt: string, item: { __typename: 'Item', id: string, name: string, price: number } }> } | null };

export type ItemQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ItemQuery = { __typename?: 'Query', item?: { __typename: 'Item', id: string, name: string, description: string, price: number, ownedQuantity: number } | null };

export type AdminItemQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AdminItemQuery = { __typename?: 'Query', item?: { __typename: 'Item', id: string, name: string, description: string, price: number, createdAt: string, updatedAt: string } | null };

export type UpdateItemMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateItemInput;
}>;


export type UpdateItemMutation = { __typename?: 'Mutation', updateItem: { __typename: 'Item', id: string, name: string, description: string, price: number, updatedAt: string } };

export type DeleteItemMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteItemMutation = { __typename?: 'Mutation', deleteItem: string };

export type AdminItemsQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AdminItemsQuery = { __typename?: 'Query', items: { __typename: 'ItemConnection', totalCount: number, edges: Array<{ __typename: 'ItemEdge', node: { __typename: 'Item', id: string, name: string, price: number, updatedAt: string } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type CreateItemMutationVariables = Exact<{
  input: CreateItemInput;
}>;


export type CreateItemMutation = { __typename?: 'Mutation', createItem: { __typename: 'Item', id: string, name: string, description: string, price: number, updatedAt: string } };

export type AdminUserQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first: Scalars['Int']['input'];
}>;


export type AdminUserQuery = { __typename?: 'Query', user?: { __typename: 'User', id: string, username: string, email: string, roles: Array<Role>, gil: number, createdAt: string, inventory: Array<{ __typename: 'InventoryEntry', quantity: number, item: { __typename: 'Item', id: string, name: string } }> } | null };

export type AdminUsersQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AdminUsersQuery = { __typename?: 'Query', users: { __typename: 'UserConnection', totalCount: number, edges: Array<{ __typename: 'UserEdge', cursor: string, node: { __typename: 'User', id: string, username: string, email: string, roles: Array<Role>, gil: number } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export const SessionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<SessionFieldsFragment, unknown>;
export const PurchaseFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PurchaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Purchase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PurchaseFieldsFragment, unknown>;
export const SignUpDocument = {"__meta__":{"hash":"702aeef1fae66865a2403f96ab5309b4a8326cbbf55ac280e5546fd74b0b25f0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"register"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<SignUpMutation, SignUpMutationVariables>;
export const SignInDocument = {"__meta__":{"hash":"c0cbb47a41b8830ced075241195cf540bb06e6387520fbdb776d66f436ff3777"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const RefreshSessionDocument = {"__meta__":{"hash":"4581fe1cb27f88a586b7c981535959db8f0e951c8087afc8ab19bc56b7444891"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefreshSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refreshToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const SignOutDocument = {"__meta__":{"hash":"fb7011d07bd123568d1eab461b81eccfe9ccd42d6b2de8f87af0cba6dd550749"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOut"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOut"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refreshToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}}}]}]}}]} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const AdjustGilDocument = {"__meta__":{"hash":"162ba2d43d29c6d32bb2398361ca8b1fa1cf0b9efc1aee721d47dc0a7a84c179"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdjustGil"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"amount"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adjustGil"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"amount"},"value":{"kind":"Variable","name":{"kind":"Name","value":"amount"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"gil"}}]}}]}}]} as unknown as DocumentNode<AdjustGilMutation, AdjustGilMutationVariables>;
export const BuyItemDocument = {"__meta__":{"hash":"4c1ff3dfbb5adbc6af98d161b6877f7863bd0050b9ab459b5465496b60b8161e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BuyItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PurchaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purchase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PurchaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PurchaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Purchase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<BuyItemMutation, BuyItemMutationVariables>;
export const GrantableItemsDocument = {"__meta__":{"hash":"5f666654667003bb4e419bdf0c4d5d5d0a4ba6a790437a9deb10bc24fee59cd0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GrantableItems"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GrantableItemsQuery, GrantableItemsQueryVariables>;
export const GrantItemsDocument = {"__meta__":{"hash":"686fda8e087a72a0e72cb4fbf2ace1132415f91475d4f44ddb7fafd538889579"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GrantItems"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"itemId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quantity"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantItems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"itemId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"itemId"}}},{"kind":"Argument","name":{"kind":"Name","value":"quantity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quantity"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<GrantItemsMutation, GrantItemsMutationVariables>;
export const BalanceDocument = {"__meta__":{"hash":"8ea05f687e6785b0ef62314b8ae6275001f6677a8a713edc4bde0e8cd4a8e091"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"gil"}}]}}]}}]} as unknown as DocumentNode<BalanceQuery, BalanceQueryVariables>;
export const PurchaseUpdatesDocument = {"__meta__":{"hash":"5df6ac7f3775e5bdd0d6b3404f875fdc458a0c57e84a7f43621170221b2eccdf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"PurchaseUpdates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purchaseUpdated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PurchaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PurchaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Purchase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PurchaseUpdatesSubscription, PurchaseUpdatesSubscriptionVariables>;
export const PurchaseStatusDocument = {"__meta__":{"hash":"99d60fa55d18e4ccde5d4bfde89c528c7908977c3a791395b69e3310025f7cb6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PurchaseStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purchase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PurchaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PurchaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Purchase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PurchaseStatusQuery, PurchaseStatusQueryVariables>;
export const InventoryUpdatesDocument = {"__meta__":{"hash":"003fe141c5a4f231035baa80d43d9e4f03bff2cdb283945d453e095e06c02214"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"InventoryUpdates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inventoryChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"delta"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"price"}}]}}]}}]}}]} as unknown as DocumentNode<InventoryUpdatesSubscription, InventoryUpdatesSubscriptionVariables>;
export const CatalogItemsDocument = {"__meta__":{"hash":"5d6165c14e3bd2e73a0b3c367ad5f4db810cc942a2d049c976d3cbad096afc24"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CatalogItems"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"price"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<CatalogItemsQuery, CatalogItemsQueryVariables>;
export const MyInventoryDocument = {"__meta__":{"hash":"16677036ae87995dcbfa9fcc260d710398a7d276d737927746ac0bb8a04b9353"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyInventory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"inventory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"acquiredAt"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"price"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyInventoryQuery, MyInventoryQueryVariables>;
export const ItemDocument = {"__meta__":{"hash":"4a72ac9671025fc49a549b6b2ccde3910b773b3ffe1e27e0127d76e652cc4f80"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Item"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"item"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"ownedQuantity"}}]}}]}}]} as unknown as DocumentNode<ItemQuery, ItemQueryVariables>;
export const AdminItemDocument = {"__meta__":{"hash":"9b267dbb0d77d56b6be722a192a8d6cb81bc32ff219294113d502ed8394d2de7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"item"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<AdminItemQuery, AdminItemQueryVariables>;
export const UpdateItemDocument = {"__meta__":{"hash":"f18d4fd8e681ffe74703fe76e142a9251928756ac0520dbe815dfd5e2aac3ee7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateItemInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateItem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<UpdateItemMutation, UpdateItemMutationVariables>;
export const DeleteItemDocument = {"__meta__":{"hash":"987f6819e25de7eda07d4eb7c957e1c7d94aa5e3eb43b04e1707fdbb743bf8cd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteItem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteItemMutation, DeleteItemMutationVariables>;
export const AdminItemsDocument = {"__meta__":{"hash":"72f59d793fa17ed5d1d3b4c20998cdf66ff1ad829a0d315b55b3f0119f6f4956"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminItems"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AdminItemsQuery, AdminItemsQueryVariables>;
export const CreateItemDocument = {"__meta__":{"hash":"bfb3c2d459328122516c9bc049a42f03bd3fa65ad901dad6310691962b781a64"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateItemInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createItem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<CreateItemMutation, CreateItemMutationVariables>;
export const AdminUserDocument = {"__meta__":{"hash":"66c3f2dc0e499126bd27589f4e697c60e6fe6abba240b37bf3100f33c92cd69e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"gil"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"inventory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AdminUserQuery, AdminUserQueryVariables>;
export const AdminUsersDocument = {"__meta__":{"hash":"4aa494eb1534f758a9bb58b7cd2424472baa2ceab327249c0f84b243f635619d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"gil"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AdminUsersQuery, AdminUsersQueryVariables>;