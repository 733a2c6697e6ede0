/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment SessionFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresIn\n    user {\n      id\n      username\n      roles\n    }\n  }\n": typeof types.SessionFieldsFragmentDoc,
    "\n  mutation SignUp($input: RegisterInput!) {\n    register(input: $input) {\n      ...SessionFields\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation SignIn($input: LoginInput!) {\n    login(input: $input) {\n      ...SessionFields\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation SignOut($refreshToken: String!) {\n    signOut(refreshToken: $refreshToken)\n  }\n": typeof types.SignOutDocument,
    "\n  mutation AdjustGil($userId: ID!, $amount: Int!) {\n    adjustGil(userId: $userId, amount: $amount) {\n      id\n      gil\n    }\n  }\n": typeof types.AdjustGilDocument,
    "\n  mutation BuyItem($input: PurchaseInput!) {\n    purchase(input: $input) {\n      ...PurchaseFields\n    }\n  }\n": typeof types.BuyItemDocument,
    "\n  query GrantableItems($first: Int!, $search: String) {\n    items(first: $first, search: $search) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.GrantableItemsDocument,
    "\n  mutation GrantItems($userId: ID!, $itemId: ID!, $quantity: Int!) {\n    grantItems(userId: $userId, itemId: $itemId, quantity: $quantity) {\n      quantity\n      item {\n        id\n        name\n      }\n    }\n  }\n": typeof types.GrantItemsDocument,
    "\n  query Balance {\n    me {\n      id\n      username\n      gil\n    }\n  }\n": typeof types.BalanceDocument,
    "\n  fragment PurchaseFields on Purchase {\n    id\n    state\n    failureReason\n    quantity\n    total\n    item {\n      id\n      name\n    }\n  }\n": typeof types.PurchaseFieldsFragmentDoc,
    "\n  subscription PurchaseUpdates {\n    purchaseUpdated {\n      ...PurchaseFields\n    }\n  }\n": typeof types.PurchaseUpdatesDocument,
    "\n  query PurchaseStatus($id: ID!) {\n    purchase(id: $id) {\n      ...PurchaseFields\n    }\n  }\n": typeof types.PurchaseStatusDocument,
    "\n  subscription InventoryUpdates {\n    inventoryChanged {\n      quantity\n      delta\n      item {\n        id\n        name\n        price\n      }\n    }\n  }\n": typeof types.InventoryUpdatesDocument,
    "\n  query CatalogItems($first: Int!, $after: String, $search: String) {\n    items(first: $first, after: $after, search: $search) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n          description\n          price\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CatalogItemsDocument,
    "\n  query MyInventory($first: Int!) {\n    me {\n      id\n      inventory(first: $first) {\n        quantity\n        acquiredAt\n        item {\n          id\n          name\n          price\n        }\n      }\n    }\n  }\n": typeof types.MyInventoryDocument,
    "\n  query Item($id: ID!) {\n    item(id: $id) {\n      id\n      name\n      description\n      price\n      ownedQuantity\n    }\n  }\n": typeof types.ItemDocument,
    "\n  query AdminItem($id: ID!) {\n    item(id: $id) {\n      id\n      name\n      description\n      price\n      createdAt\n      updatedAt\n    }\n  }\n": typeof types.AdminItemDocument,
    "\n  mutation UpdateItem($id: ID!, $input: UpdateItemInput!) {\n    updateItem(id: $id, input: $input) {\n      id\n      name\n      description\n      price\n      updatedAt\n    }\n  }\n": typeof types.UpdateItemDocument,
    "\n  mutation DeleteItem($id: ID!) {\n    deleteItem(id: $id)\n  }\n": typeof types.DeleteItemDocument,
    "\n  query AdminItems($first: Int!, $after: String) {\n    items(first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          price\n          updatedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AdminItemsDocument,
    "\n  mutation CreateItem($input: CreateItemInput!) {\n    createItem(input: $input) {\n      id\n      name\n      description\n      price\n      updatedAt\n    }\n  }\n": typeof types.CreateItemDocument,
    "\n  query AdminUser($id: ID!, $first: Int!) {\n    user(id: $id) {\n      id\n      username\n      email\n      roles\n      gil\n      createdAt\n      inventory(first: $first) {\n        quantity\n        item {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.AdminUserDocument,
    "\n  query AdminUsers($first: Int!, $after: String) {\n    users(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          username\n          email\n          roles\n          gil\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AdminUsersDocument,
};
const documents: Documents = {
    "\n  fragment SessionFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresIn\n    user {\n      id\n      username\n      roles\n    }\n  }\n": types.SessionFieldsFragmentDoc,
    "\n  mutation SignUp($input: RegisterInput!) {\n    register(input: $input) {\n      ...SessionFields\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation SignIn($input: LoginInput!) {\n    login(input: $input) {\n      ...SessionFields\n    }\n  }\n": types.SignInDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation SignOut($refreshToken: String!) {\n    signOut(refreshToken: $refreshToken)\n  }\n": types.SignOutDocument,
    "\n  mutation AdjustGil($userId: ID!, $amount: Int!) {\n    adjustGil(userId: $userId, amount: $amount) {\n      id\n      gil\n    }\n  }\n": types.AdjustGilDocument,
    "\n  mutation BuyItem($input: PurchaseInput!) {\n    purchase(input: $input) {\n      ...PurchaseFields\n    }\n  }\n": types.BuyItemDocument,
    "\n  query GrantableItems($first: Int!, $search: String) {\n    items(first: $first, search: $search) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.GrantableItemsDocument,
    "\n  mutation GrantItems($userId: ID!, $itemId: ID!, $quantity: Int!) {\n    grantItems(userId: $userId, itemId: $itemId, quantity: $quantity) {\n      quantity\n      item {\n        id\n        name\n      }\n    }\n  }\n": types.GrantItemsDocument,
    "\n  query Balance {\n    me {\n      id\n      username\n      gil\n    }\n  }\n": types.BalanceDocument,
    "\n  fragment PurchaseFields on Purchase {\n    id\n    state\n    failureReason\n    quantity\n    total\n    item {\n      id\n      name\n    }\n  }\n": types.PurchaseFieldsFragmentDoc,
    "\n  subscription PurchaseUpdates {\n    purchaseUpdated {\n      ...PurchaseFields\n    }\n  }\n": types.PurchaseUpdatesDocument,
    "\n  query PurchaseStatus($id: ID!) {\n    purchase(id: $id) {\n      ...PurchaseFields\n    }\n  }\n": types.PurchaseStatusDocument,
    "\n  subscription InventoryUpdates {\n    inventoryChanged {\n      quantity\n      delta\n      item {\n        id\n        name\n        price\n      }\n    }\n  }\n": types.InventoryUpdatesDocument,
    "\n  query CatalogItems($first: Int!, $after: String, $search: String) {\n    items(first: $first, after: $after, search: $search) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n          description\n          price\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CatalogItemsDocument,
    "\n  query MyInventory($first: Int!) {\n    me {\n      id\n      inventory(first: $first) {\n        quantity\n        acquiredAt\n        item {\n          id\n          name\n          price\n        }\n      }\n    }\n  }\n": types.MyInventoryDocument,
    "\n  query Item($id: ID!) {\n    item(id: $id) {\n      id\n      name\n      description\n      price\n      ownedQuantity\n    }\n  }\n": types.ItemDocument,
    "\n  query AdminItem($id: ID!) {\n    item(id: $id) {\n      id\n      name\n      description\n      price\n      createdAt\n      updatedAt\n    }\n  }\n": types.AdminItemDocument,
    "\n  mutation UpdateItem($id: ID!, $input: UpdateItemInput!) {\n    updateItem(id: $id, input: $input) {\n      id\n      name\n      description\n      price\n      updatedAt\n    }\n  }\n": types.UpdateItemDocument,
    "\n  mutation DeleteItem($id: ID!) {\n    deleteItem(id: $id)\n  }\n": types.DeleteItemDocument,
    "\n  query AdminItems($first: Int!, $after: String) {\n    items(first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          price\n          updatedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AdminItemsDocument,
    "\n  mutation CreateItem($input: CreateItemInput!) {\n    createItem(input: $input) {\n      id\n      name\n      description\n      price\n      updatedAt\n    }\n  }\n": types.CreateItemDocument,
    "\n  query AdminUser($id: ID!, $first: Int!) {\n    user(id: $id) {\n      id\n      username\n      email\n      roles\n      gil\n      createdAt\n      inventory(first: $first) {\n        quantity\n        item {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.AdminUserDocument,
    "\n  query AdminUsers($first: Int!, $after: String) {\n    users(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          username\n          email\n          roles\n          gil\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AdminUsersDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresIn\n    user {\n      id\n      username\n      roles\n    }\n  }\n"): (typeof documents)["\n  fragment SessionFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresIn\n    user {\n      id\n      username\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: RegisterInput!) {\n    register(input: $input) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: RegisterInput!) {\n    register(input: $input) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: LoginInput!) {\n    login(input: $input) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: LoginInput!) {\n    login(input: $input) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut($refreshToken: String!) {\n    signOut(refreshToken: $refreshToken)\n  }\n"): (typeof documents)["\n  mutation SignOut($refreshToken: String!) {\n    signOut(refreshToken: $refreshToken)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdjustGil($userId: ID!, $amount: Int!) {\n    adjustGil(userId: $userId, amount: $amount) {\n      id\n      gil\n    }\n  }\n"): (typeof documents)["\n  mutation AdjustGil($userId: ID!, $amount: Int!) {\n    adjustGil(userId: $userId, amount: $amount) {\n      id\n      gil\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BuyItem($input: PurchaseInput!) {\n    purchase(input: $input) {\n      ...PurchaseFields\n    }\n  }\n"): (typeof documents)["\n  mutation BuyItem($input: PurchaseInput!) {\n    purchase(input: $input) {\n      ...PurchaseFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GrantableItems($first: Int!, $search: String) {\n    items(first: $first, search: $search) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GrantableItems($first: Int!, $search: String) {\n    items(first: $first, search: $search) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantItems($userId: ID!, $itemId: ID!, $quantity: Int!) {\n    grantItems(userId: $userId, itemId: $itemId, quantity: $quantity) {\n      quantity\n      item {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation GrantItems($userId: ID!, $itemId: ID!, $quantity: Int!) {\n    grantItems(userId: $userId, itemId: $itemId, quantity: $quantity) {\n      quantity\n      item {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Balance {\n    me {\n      id\n      username\n      gil\n    }\n  }\n"): (typeof documents)["\n  query Balance {\n    me {\n      id\n      username\n      gil\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PurchaseFields on Purchase {\n    id\n    state\n    failureReason\n    quantity\n    total\n    item {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment PurchaseFields on Purchase {\n    id\n    state\n    failureReason\n    quantity\n    total\n    item {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PurchaseUpdates {\n    purchaseUpdated {\n      ...PurchaseFields\n    }\n  }\n"): (typeof documents)["\n  subscription PurchaseUpdates {\n    purchaseUpdated {\n      ...PurchaseFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PurchaseStatus($id: ID!) {\n    purchase(id: $id) {\n      ...PurchaseFields\n    }\n  }\n"): (typeof documents)["\n  query PurchaseStatus($id: ID!) {\n    purchase(id: $id) {\n      ...PurchaseFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription InventoryUpdates {\n    inventoryChanged {\n      quantity\n      delta\n      item {\n        id\n        name\n        price\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription InventoryUpdates {\n    inventoryChanged {\n      quantity\n      delta\n      item {\n        id\n        name\n        price\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogItems($first: Int!, $after: String, $search: String) {\n    items(first: $first, after: $after, search: $search) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n          description\n          price\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query CatalogItems($first: Int!, $after: String, $search: String) {\n    items(first: $first, after: $after, search: $search) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n          description\n          price\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyInventory($first: Int!) {\n    me {\n      id\n      inventory(first: $first) {\n        quantity\n        acquiredAt\n        item {\n          id\n          name\n          price\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyInventory($first: Int!) {\n    me {\n      id\n      inventory(first: $first) {\n        quantity\n        acquiredAt\n        item {\n          id\n          name\n          price\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Item($id: ID!) {\n    item(id: $id) {\n      id\n      name\n      description\n      price\n      ownedQuantity\n    }\n  }\n"): (typeof documents)["\n  query Item($id: ID!) {\n    item(id: $id) {\n      id\n      name\n      description\n      price\n      ownedQuantity\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminItem($id: ID!) {\n    item(id: $id) {\n      id\n      name\n      description\n      price\n      createdAt\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  query AdminItem($id: ID!) {\n    item(id: $id) {\n      id\n      name\n      description\n      price\n      createdAt\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateItem($id: ID!, $input: UpdateItemInput!) {\n    updateItem(id: $id, input: $input) {\n      id\n      name\n      description\n      price\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateItem($id: ID!, $input: UpdateItemInput!) {\n    updateItem(id: $id, input: $input) {\n      id\n      name\n      description\n      price\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteItem($id: ID!) {\n    deleteItem(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteItem($id: ID!) {\n    deleteItem(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminItems($first: Int!, $after: String) {\n    items(first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          price\n          updatedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminItems($first: Int!, $after: String) {\n    items(first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          price\n          updatedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateItem($input: CreateItemInput!) {\n    createItem(input: $input) {\n      id\n      name\n      description\n      price\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation CreateItem($input: CreateItemInput!) {\n    createItem(input: $input) {\n      id\n      name\n      description\n      price\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUser($id: ID!, $first: Int!) {\n    user(id: $id) {\n      id\n      username\n      email\n      roles\n      gil\n      createdAt\n      inventory(first: $first) {\n        quantity\n        item {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminUser($id: ID!, $first: Int!) {\n    user(id: $id) {\n      id\n      username\n      email\n      roles\n      gil\n      createdAt\n      inventory(first: $first) {\n        quantity\n        item {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers($first: Int!, $after: String) {\n    users(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          username\n          email\n          roles\n          gil\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminUsers($first: Int!, $after: String) {\n    users(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          username\n          email\n          roles\n          gil\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;