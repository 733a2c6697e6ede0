import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import {
  computeCachePolicy,
  computeEntityCachePolicy,
  type CachePolicy,
} from './computeCachePolicy.ts';
import type { CacheHintIndex } from './readCacheHints.ts';

/** A subgraph fetch the gateway planned, as the cache sees it. */
export type SubgraphOperation =
  | { kind: 'uncached' }
  /** `_entities(representations:)`: each entity is cached on its own, by type and key. */
  | { kind: 'entities'; policies: ReadonlyMap<string, CachePolicy> }
  /** Root fields of a query: the whole result is cached as one. */
  | { kind: 'root'; policy: CachePolicy };

/**
 * Classifies one subgraph operation and computes its cache policies from the supergraph's
 * hints: per entity type for an `_entities` fetch, one for a root-field query. Mutations,
 * subscriptions and anything unparsable are not cached.
 */
export function analyzeSubgraphOperation(
  index: CacheHintIndex,
  query: string,
  defaultMaxAge: number,
): SubgraphOperation {
  let operation: OperationDefinitionNode | undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  try {
    for (const definition of parse(query, { noLocation: true }).definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        fragments.set(definition.name.value, definition);
      } else if (definition.kind === Kind.OPERATION_DEFINITION) {
        if (operation) return { kind: 'uncached' };
        operation = definition;
      }
    }
  } catch {
    return { kind: 'uncached' };
  }
  if (!operation || operation.operation !== 'query') return { kind: 'uncached' };

  const [only, ...others] = operation.selectionSet.selections;
  if (only?.kind === Kind.FIELD && only.name.value === '_entities' && others.length === 0) {
    const policies = new Map<string, CachePolicy>();
    for (const selection of only.selectionSet?.selections ?? []) {
      if (selection.kind !== Kind.INLINE_FRAGMENT || !selection.typeCondition) continue;
      const typeName = selection.typeCondition.name.value;
      const policy = computeEntityCachePolicy(
        index,
        typeName,
        selection.selectionSet,
        fragments,
        defaultMaxAge,
      );
      const previous = policies.get(typeName);
      policies.set(typeName, previous ? strictest(previous, policy) : policy);
    }
    return { kind: 'entities', policies };
  }
  const policy = computeCachePolicy(index, operation, fragments, defaultMaxAge);
  return policy.maxAge > 0 ? { kind: 'root', policy } : { kind: 'uncached' };
}

function strictest(a: CachePolicy, b: CachePolicy): CachePolicy {
  return {
    maxAge: Math.min(a.maxAge, b.maxAge),
    scope: a.scope === 'PRIVATE' || b.scope === 'PRIVATE' ? 'PRIVATE' : 'PUBLIC',
    entityTypes: new Set([...a.entityTypes, ...b.entityTypes]),
  };
}
