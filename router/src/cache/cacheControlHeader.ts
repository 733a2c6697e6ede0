import type { GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { CacheHintRegistry } from './CacheHintRegistry.ts';
import { computeCachePolicy, type Fragments } from './computeCachePolicy.ts';

/** What a response that may not be cached says. */
const UNCACHEABLE = 'no-store';

/** The `Cache-Control` of one response: its schema, operation, fragments and whether it failed. */
export type CacheControlHeader = (
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Fragments,
  failed: boolean,
) => string;

/**
 * Computes each response's `Cache-Control` from the supergraph's hints for what the operation
 * selects: `max-age=<smallest>, public` or `, private` when anything is PRIVATE, and `no-store`
 * for mutations, for results with errors and for anything with max-age 0. The same whether
 * the router answered from its cache or not.
 */
export function cacheControlHeader(
  hints: CacheHintRegistry,
  defaultMaxAge = 0,
): CacheControlHeader {
  return (schema, operation, fragments, failed) => {
    const index = hints.of(schema);
    if (!index || failed) return UNCACHEABLE;
    const policy = computeCachePolicy(index, operation, fragments, defaultMaxAge);
    return policy.maxAge > 0
      ? `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}`
      : UNCACHEABLE;
  };
}
