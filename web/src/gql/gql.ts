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
    "\n  fragment SessionFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresIn\n    user {\n      id\n      username\n    }\n  }\n": typeof types.SessionFieldsFragmentDoc,
    "\n  mutation SignUp($input: RegisterInput!) {\n    register(input: $input) {\n      ...SessionFields\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation SignIn($input: LoginInput!) {\n    login(input: $input) {\n      ...SessionFields\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation SignOut($refreshToken: String!) {\n    signOut(refreshToken: $refreshToken)\n  }\n": typeof types.SignOutDocument,
    "\n  mutation BuyItem($input: PurchaseInput!) {\n    purchase(input: $input) {\n      ...PurchaseFields\n    }\n  }\n": typeof types.BuyItemDocument,
    "\n  query Balance {\n    me {\n      id\n      username\n      gil\n    }\n  }\n": typeof types.BalanceDocument,
    "\n  fragment PurchaseFields on Purchase {\n    id\n    state\n    failureReason\n    quantity\n    total\n    item {\n      id\n      name\n    }\n  }\n": typeof types.PurchaseFieldsFragmentDoc,
    "\n  subscription PurchaseUpdates {\n    purchaseUpdated {\n      ...PurchaseFields\n    }\n  }\n": typeof types.PurchaseUpdatesDocument,
    "\n  query PurchaseStatus($id: ID!) {\n    purchase(id: $id) {\n      ...PurchaseFields\n    }\n  }\n": typeof types.PurchaseStatusDocument,
    "\n  subscription InventoryUpdates {\n    inventoryChanged {\n      quantity\n      delta\n      item {\n        id\n        name\n        price\n      }\n    }\n  }\n": typeof types.InventoryUpdatesDocument,
    "\n  query CatalogItems($first: Int!, $after: String, $search: String) {\n    items(first: $first, after: $after, search: $search) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n          description\n          price\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CatalogItemsDocument,
    "\n  query MyInventory($first: Int!) {\n    me {\n      id\n      inventory(first: $first) {\n        quantity\n        acquiredAt\n        item {\n          id\n          name\n          price\n        }\n      }\n    }\n  }\n": typeof types.MyInventoryDocument,
    "\n  query Item($id: ID!) {\n    item(id: $id) {\n      id\n      name\n      description\n      price\n      ownedQuantity\n    }\n  }\n": typeof types.ItemDocument,
};
const documents: Documents = {
    "\n  fragment SessionFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresIn\n    user {\n      id\n      username\n    }\n  }\n": types.SessionFieldsFragmentDoc,
    "\n  mutation SignUp($input: RegisterInput!) {\n    register(input: $input) {\n      ...SessionFields\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation SignIn($input: LoginInput!) {\n    login(input: $input) {\n      ...SessionFields\n    }\n  }\n": types.SignInDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation SignOut($refreshToken: String!) {\n    signOut(refreshToken: $refreshToken)\n  }\n": types.SignOutDocument,
    "\n  mutation BuyItem($input: PurchaseInput!) {\n    purchase(input: $input) {\n      ...PurchaseFields\n    }\n  }\n": types.BuyItemDocument,
    "\n  query Balance {\n    me {\n      id\n      username\n      gil\n    }\n  }\n": types.BalanceDocument,
    "\n  fragment PurchaseFields on Purchase {\n    id\n    state\n    failureReason\n    quantity\n    total\n    item {\n      id\n      name\n    }\n  }\n": types.PurchaseFieldsFragmentDoc,
    "\n  subscription PurchaseUpdates {\n    purchaseUpdated {\n      ...PurchaseFields\n    }\n  }\n": types.PurchaseUpdatesDocument,
    "\n  query PurchaseStatus($id: ID!) {\n    purchase(id: $id) {\n      ...PurchaseFields\n    }\n  }\n": types.PurchaseStatusDocument,
    "\n  subscription InventoryUpdates {\n    inventoryChanged {\n      quantity\n      delta\n      item {\n        id\n        name\n        price\n      }\n    }\n  }\n": types.InventoryUpdatesDocument,
    "\n  query CatalogItems($first: Int!, $after: String, $search: String) {\n    items(first: $first, after: $after, search: $search) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n          description\n          price\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CatalogItemsDocument,
    "\n  query MyInventory($first: Int!) {\n    me {\n      id\n      inventory(first: $first) {\n        quantity\n        acquiredAt\n        item {\n          id\n          name\n          price\n        }\n      }\n    }\n  }\n": types.MyInventoryDocument,
    "\n  query Item($id: ID!) {\n    item(id: $id) {\n      id\n      name\n      description\n      price\n      ownedQuantity\n    }\n  }\n": types.ItemDocument,
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
export function graphql(source: "\n  fragment SessionFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresIn\n    user {\n      id\n      username\n    }\n  }\n"): (typeof documents)["\n  fragment SessionFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresIn\n    user {\n      id\n      username\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation BuyItem($input: PurchaseInput!) {\n    purchase(input: $input) {\n      ...PurchaseFields\n    }\n  }\n"): (typeof documents)["\n  mutation BuyItem($input: PurchaseInput!) {\n    purchase(input: $input) {\n      ...PurchaseFields\n    }\n  }\n"];
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

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;