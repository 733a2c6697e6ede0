import { buildSchema, parse, type GraphQLSchema } from 'graphql';
import {
  buildAuthorizationIndex,
  type AuthorizationIndex,
} from '../../src/authorization/buildAuthorizationIndex.ts';
import type { LinkedSecurityFeature } from '../../src/supergraph/prepareSupergraph.ts';

/**
 * An API schema with authorization directives on fields, object types, a scalar, an interface's
 * implementation and a union member, for unit tests of the filter. The directives are kept in
 * the SDL (an API schema has none); the index reads them from there.
 */
export const AUTHORIZATION_SDL = `
directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
directive @policy(policies: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM

scalar Motto @authenticated

type Query {
  hello: String
  me: User @authenticated
  user(id: ID!): User
  users(role: String): [User!]! @requiresScopes(scopes: [["ADMIN"]])
  posts: [Post!]!
  postList: [Post]
  feed: [FeedItem]
  motto: Motto
  audit: String @policy(policies: [["auditor"]])
}

type Mutation {
  ping: String
  ban(id: ID!): Boolean! @requiresScopes(scopes: [["ADMIN"]])
}

type User {
  id: ID!
  name: String!
  "Admins, or whoever is both a player and an admin's delegate (nobody here)."
  email: String @requiresScopes(scopes: [["ADMIN"], ["PLAYER", "DELEGATE"]])
  nickname: String! @authenticated
}

interface Post {
  id: ID!
  title: String!
}

type PublicPost implements Post {
  id: ID!
  title: String!
}

type PrivatePost implements Post @authenticated {
  id: ID!
  title: String!
  views: Int
}

union FeedItem = PublicPost | PrivatePost
`;

const feature = (name: string): LinkedSecurityFeature => ({
  url: `https://specs.apollo.dev/${name}/v0.1`,
  name,
  version: 'v0.1',
  directiveName: name,
});

export const SECURITY_FEATURES = [
  feature('authenticated'),
  feature('requiresScopes'),
  feature('policy'),
];

export function authorizationFixture(): { schema: GraphQLSchema; index: AuthorizationIndex } {
  return {
    schema: buildSchema(AUTHORIZATION_SDL),
    index: buildAuthorizationIndex(parse(AUTHORIZATION_SDL), SECURITY_FEATURES),
  };
}
