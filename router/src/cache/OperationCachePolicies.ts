import type { GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { CacheHintRegistry } from './CacheHintRegistry.ts';
import { computeCachePolicy, type CachePolicy, type Fragments } from './computeCachePolicy.ts';

/** What a response that may not be cached says. */
const UNCACHEABLE = 'no-store';

/**
 * The cache policy of each operation served, from the supergraph's hints for what it selects,
 * computed once per operation: parsed documents are kept per supergraph, so an operation's node
 * stands for the same selection against the same hints every time it is seen.
 */
export class OperationCachePolicies {
  readonly #hints: CacheHintRegistry;
  readonly #defaultMaxAge: number;
  readonly #policies = new WeakMap<OperationDefinitionNode, CachePolicy>();

  constructor(hints: CacheHintRegistry, defaultMaxAge = 0) {
    this.#hints = hints;
    this.#defaultMaxAge = defaultMaxAge;
  }

  /** The operation's policy; undefined when the schema has no hints. */
  of(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    fragments: Fragments,
  ): CachePolicy | undefined {
    const known = this.#policies.get(operation);
    if (known) return known;
    const index = this.#hints.of(schema);
    if (!index) return undefined;
    const policy = computeCachePolicy(index, operation, fragments, this.#defaultMaxAge);
    this.#policies.set(operation, policy);
    return policy;
  }
}

/**
 * A response's `Cache-Control`: `max-age=<smallest>, public` or `, private` when anything is
 * PRIVATE, and `no-store` for mutations, for results with errors and for anything with max-age
 * 0. The same whether the router answered from a cache or not.
 */
export function cacheControlOf(policy: CachePolicy | undefined, failed: boolean): string {
  if (!policy || failed || policy.maxAge <= 0) return UNCACHEABLE;
  return `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}`;
}
