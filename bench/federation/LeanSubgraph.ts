import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { DocumentNode } from 'graphql';

/**
 * One of the four subgraphs of the federation benchmark (accounts, inventory, products,
 * reviews): the same SDL shape and the same static data as the public gateways benchmark
 * (github.com/graphql-hive/graphql-gateways-benchmark), written as a Federation 2 schema for
 * `@apollo/subgraph`'s `buildSubgraphSchema`.
 */
export interface LeanSubgraph {
  /** The subgraph's name in the supergraph, and the path it is served at (`/accounts`). */
  name: string;
  /** Federation 2 SDL. */
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<unknown>;
}
