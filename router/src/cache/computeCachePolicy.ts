import {
  Kind,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { CacheHint, CacheHintIndex, CacheScope } from './readCacheHints.ts';

/** How long a result may be cached and by whom; `maxAge: 0` means not at all. */
export interface CachePolicy {
  maxAge: number;
  scope: CacheScope;
  /** Entity types whose values the result holds, for type-wide invalidation (lists). */
  entityTypes: ReadonlySet<string>;
}

export type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

interface Accumulator {
  maxAge: number;
  scope: CacheScope;
  entityTypes: Set<string>;
}

/**
 * The policy of an operation, as Apollo Server computes one from `@cacheControl`: the smallest
 * max-age of every field it selects and PRIVATE if anything is. A field returning an object
 * takes its type's hint, overridden by its own; a root field or a field returning an object
 * with neither (nor `inheritMaxAge`) gets `defaultMaxAge`; a scalar field without a hint
 * inherits its parent's. Mutations and subscriptions are never cacheable.
 */
export function computeCachePolicy(
  index: CacheHintIndex,
  operation: OperationDefinitionNode,
  fragments: Fragments,
  defaultMaxAge = 0,
): CachePolicy {
  const policy: Accumulator = { maxAge: Infinity, scope: 'PUBLIC', entityTypes: new Set() };
  if (operation.operation !== 'query') return { ...policy, maxAge: 0 };
  walk(index, index.rootType('query'), operation.selectionSet, fragments, {
    policy,
    parentMaxAge: undefined,
    root: true,
    defaultMaxAge,
  });
  return finish(policy);
}

/**
 * The policy of one entity of `typeName` fetched with `selectionSet` (the selection under
 * `_entities` for that type): as if a field returned the type without a hint of its own.
 */
export function computeEntityCachePolicy(
  index: CacheHintIndex,
  typeName: string,
  selectionSet: SelectionSetNode,
  fragments: Fragments,
  defaultMaxAge = 0,
): CachePolicy {
  const policy: Accumulator = { maxAge: Infinity, scope: 'PUBLIC', entityTypes: new Set() };
  const typeHint = index.typeHint(typeName);
  restrict(policy, typeHint?.maxAge ?? defaultMaxAge, typeHint?.scope);
  walk(index, typeName, selectionSet, fragments, {
    policy,
    parentMaxAge: typeHint?.maxAge ?? defaultMaxAge,
    root: false,
    defaultMaxAge,
  });
  return finish(policy);
}

interface WalkState {
  policy: Accumulator;
  parentMaxAge: number | undefined;
  root: boolean;
  defaultMaxAge: number;
}

function walk(
  index: CacheHintIndex,
  parentType: string,
  selectionSet: SelectionSetNode,
  fragments: Fragments,
  state: WalkState,
  visited: ReadonlySet<string> = new Set(),
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const typeName = selection.typeCondition?.name.value ?? parentType;
      walk(index, typeName, selection.selectionSet, fragments, state, visited);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || visited.has(name)) continue;
      const inner = new Set(visited).add(name);
      walk(
        index,
        fragment.typeCondition.name.value,
        fragment.selectionSet,
        fragments,
        state,
        inner,
      );
      continue;
    }
    const fieldName = selection.name.value;
    if (fieldName.startsWith('__')) continue;
    const field = index.field(parentType, fieldName);
    if (!field) {
      // A field the index does not know (a subgraph-only field): cache nothing rather than guess.
      restrict(state.policy, 0, undefined);
      continue;
    }
    const composite = index.isComposite(field.type);
    if (composite && index.isEntity(field.type)) state.policy.entityTypes.add(field.type);
    const fieldHint: CacheHint = {
      ...(composite ? index.typeHint(field.type) : {}),
      ...field.hint,
    };
    // `inheritMaxAge` on the field: the parent's max-age, not the return type's.
    let maxAge = field.hint?.inheritMaxAge ? field.hint.maxAge : fieldHint.maxAge;
    if (maxAge === undefined && fieldHint.inheritMaxAge) maxAge = state.parentMaxAge;
    if (maxAge === undefined && (composite || state.root)) maxAge = state.defaultMaxAge;
    restrict(state.policy, maxAge, fieldHint.scope);
    if (selection.selectionSet) {
      walk(
        index,
        field.type,
        selection.selectionSet,
        fragments,
        { ...state, parentMaxAge: maxAge ?? state.parentMaxAge, root: false },
        visited,
      );
    }
  }
}

function restrict(policy: Accumulator, maxAge: number | undefined, scope: CacheScope | undefined) {
  if (maxAge !== undefined) policy.maxAge = Math.min(policy.maxAge, maxAge);
  if (scope === 'PRIVATE') policy.scope = 'PRIVATE';
}

function finish(policy: Accumulator): CachePolicy {
  return {
    maxAge: Number.isFinite(policy.maxAge) ? Math.max(0, policy.maxAge) : 0,
    scope: policy.scope,
    entityTypes: policy.entityTypes,
  };
}
