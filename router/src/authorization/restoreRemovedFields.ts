import {
  getDirectiveValues,
  getNamedType,
  getVariableValues,
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type GraphQLOutputType,
  type SelectionNode,
  type GraphQLSchema,
} from 'graphql';
import { setOwn } from '../engine/fetchData.ts';
import {
  TYPENAME_ALIAS,
  type FilteredOperation,
  type GuardNode,
  type RemovalLevel,
  type RemovedField,
} from './filterOperation.ts';

type Path = readonly (string | number)[];
type ResultObject = Record<string, unknown>;

export interface RestoreRemovedFieldsOptions {
  schema: GraphQLSchema;
  filtered: FilteredOperation;
  /** The request's variables, for `@skip` / `@include` on removed fields. */
  variables: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Puts what `filterOperation` removed back into an execution result, the way GraphQL would
 * have answered had those fields failed: `null` at each place a removed field would have been,
 * with an `UNAUTHENTICATED` or `FORBIDDEN` error at that exact path (list indices included).
 * A null in a non-null position propagates to the nearest nullable parent, as the spec says
 * for field errors. A field another, authorized selection already answered under the same
 * key is left alone. Also removes the `__typename` selections the filter added.
 *
 * `data` is changed in place and returned (it becomes `null` when a null reaches the root);
 * `undefined` data (the request failed before execution) stays so, without errors added.
 */
export function restoreRemovedFields(
  data: ResultObject | null | undefined,
  { schema, filtered, variables }: RestoreRemovedFieldsOptions,
): { data: ResultObject | null | undefined; errors: GraphQLError[] } {
  const restorer = new Restorer(schema, filtered, variables);
  if (data === undefined) return { data, errors: [] };
  if (data === null) {
    // The root already collapsed: report the root fields that were removed, nothing more.
    for (const removed of filtered.root.removed) {
      if (restorer.askedFor(removed)) restorer.report(removed, [removed.responseKey]);
    }
    return { data, errors: restorer.errors };
  }
  const restored = restorer.object(data, filtered.root, filtered.rootType.name, []);
  return { data: restored, errors: restorer.errors };
}

class Restorer {
  readonly errors: GraphQLError[] = [];
  readonly #schema: GraphQLSchema;
  readonly #filtered: FilteredOperation;
  readonly #rawVariables: Readonly<Record<string, unknown>>;
  #variables: Record<string, unknown> | undefined;
  /** Concrete types read from `TYPENAME_ALIAS`, which is deleted on first visit. */
  readonly #typenames = new WeakMap<ResultObject, string>();

  constructor(
    schema: GraphQLSchema,
    filtered: FilteredOperation,
    variables: Readonly<Record<string, unknown>> | undefined,
  ) {
    this.#schema = schema;
    this.#filtered = filtered;
    this.#rawVariables = variables ?? {};
  }

  /** The object, completed, or `null` when a non-null field of it ended up null. */
  object(
    value: ResultObject,
    level: RemovalLevel,
    staticType: string,
    path: Path,
  ): ResultObject | null {
    const typename = this.#typenameOf(value, staticType);
    let nulled = false;
    let restored = false;
    for (const removed of level.removed) {
      if (!this.#applies(removed.conditions, typename) || !this.askedFor(removed)) continue;
      if (Object.hasOwn(value, removed.responseKey)) continue;
      setOwn(value, removed.responseKey, null);
      restored = true;
      this.report(removed, [...path, removed.responseKey]);
      if (removed.nonNull) nulled = true;
    }
    if (restored) this.#inQueryOrder(value, level.selections, typename);
    for (const kept of level.kept) {
      if (!this.#applies(kept.conditions, typename)) continue;
      // Own fields only: a response key may be `__proto__` (aliases are the client's).
      if (!Object.hasOwn(value, kept.responseKey)) continue;
      const child = value[kept.responseKey];
      if (child === null || child === undefined) continue;
      const completed = this.#value(child, kept.type, kept.level, [...path, kept.responseKey]);
      setOwn(value, kept.responseKey, completed);
      if (completed === null && isNonNullType(kept.type)) nulled = true;
    }
    return nulled ? null : value;
  }

  /** Whether the client asked for the field, given its `@skip` / `@include`. */
  askedFor(removed: RemovedField): boolean {
    return removed.guards.every((node) => this.#included(node));
  }

  report(removed: RemovedField, path: Path): void {
    const subject = `Field "${removed.coordinate}"`;
    this.errors.push(
      new GraphQLError(`${subject} requires ${removed.denial.needs}.`, {
        nodes: [removed.node],
        path,
        extensions: { code: removed.denial.code },
      }),
    );
  }

  #value(value: unknown, type: GraphQLOutputType, level: RemovalLevel, path: Path): unknown {
    const nullable = isNonNullType(type) ? type.ofType : type;
    if (isListType(nullable)) {
      if (!Array.isArray(value)) return value;
      const itemType: GraphQLOutputType = nullable.ofType;
      for (let index = 0; index < value.length; index += 1) {
        const item: unknown = value[index];
        if (item === null || item === undefined) continue;
        const completed = this.#value(item, itemType, level, [...path, index]);
        value[index] = completed;
        if (completed === null && isNonNullType(itemType)) return null;
      }
      return value;
    }
    if (typeof value !== 'object' || value === null) return value;
    return this.object(value as ResultObject, level, getNamedType(nullable).name, path);
  }

  /**
   * Puts the fields of `value` in the order the client selected them, as GraphQL answers: a
   * field put back comes last otherwise. Only objects that had fields put back pay for it.
   */
  #inQueryOrder(
    value: ResultObject,
    selections: readonly SelectionNode[],
    typename: string | undefined,
  ): void {
    const order = new Set<string>();
    this.#collectKeys(selections, typename, order, new Set());
    const entries: [string, unknown][] = [];
    for (const key of order) if (Object.hasOwn(value, key)) entries.push([key, value[key]]);
    for (const key of Object.keys(value)) if (!order.has(key)) entries.push([key, value[key]]);
    for (const key of Object.keys(value)) delete value[key];
    for (const [key, field] of entries) setOwn(value, key, field);
  }

  /** The response keys `selections` give an object of type `typename`, in order. */
  #collectKeys(
    selections: readonly SelectionNode[],
    typename: string | undefined,
    keys: Set<string>,
    visitedFragments: Set<string>,
  ): void {
    for (const selection of selections) {
      if (!this.#included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        keys.add(selection.alias?.value ?? selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        if (condition !== undefined && !this.#applies([condition], typename)) continue;
        this.#collectKeys(selection.selectionSet.selections, typename, keys, visitedFragments);
      } else {
        const name = selection.name.value;
        const fragment = this.#filtered.fragments.get(name);
        if (!fragment || visitedFragments.has(name)) continue;
        visitedFragments.add(name);
        if (!this.#applies([fragment.typeCondition.name.value], typename)) continue;
        this.#collectKeys(fragment.selectionSet.selections, typename, keys, visitedFragments);
      }
    }
  }

  #typenameOf(value: ResultObject, staticType: string): string | undefined {
    const known = this.#typenames.get(value);
    if (known !== undefined) return known;
    const type = this.#schema.getType(staticType);
    const aliased = value[TYPENAME_ALIAS];
    if (TYPENAME_ALIAS in value) delete value[TYPENAME_ALIAS];
    const typename = isObjectType(type)
      ? staticType
      : typeof aliased === 'string'
        ? aliased
        : undefined;
    if (typename !== undefined) this.#typenames.set(value, typename);
    return typename;
  }

  /**
   * Whether an object of concrete type `typename` satisfies every type condition. Without a
   * known type (which the filter prevents) nothing narrowed applies: no placeholder is added.
   */
  #applies(conditions: readonly string[], typename: string | undefined): boolean {
    if (conditions.length === 0) return true;
    const concrete = typename === undefined ? undefined : this.#schema.getType(typename);
    if (!isObjectType(concrete)) return false;
    return conditions.every((condition) => {
      if (condition === concrete.name) return true;
      const type = this.#schema.getType(condition);
      return isAbstractType(type) && this.#schema.isSubType(type, concrete);
    });
  }

  #included(node: GuardNode): boolean {
    try {
      const variables = this.#coercedVariables();
      if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.['if'] === true) return false;
      if (getDirectiveValues(GraphQLIncludeDirective, node, variables)?.['if'] === false) {
        return false;
      }
      return true;
    } catch {
      // Variables the gateway would refuse anyway: report the field rather than hide it.
      return true;
    }
  }

  #coercedVariables(): Record<string, unknown> {
    if (this.#variables) return this.#variables;
    const { coerced } = getVariableValues(
      this.#schema,
      this.#filtered.original.variableDefinitions ?? [],
      this.#rawVariables,
    );
    this.#variables = coerced ?? { ...this.#rawVariables };
    return this.#variables;
  }
}
