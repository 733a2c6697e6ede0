import type { Viewer } from '@play-economy/chassis/web';
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  Kind,
  visit,
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import type { AccessRequirement, AuthorizationIndex } from './buildAuthorizationIndex.ts';
import { evaluateRequirements, type AccessDenial } from './evaluateRequirements.ts';

/**
 * Response key of the `__typename` the router selects where a removed field's placeholder must
 * know an object's concrete type, or where nothing else is left to select. Never returned.
 */
export const TYPENAME_ALIAS = '_routerAuthorizationTypename';

/** A selection node whose `@skip` / `@include` decide whether a removed field was asked for. */
export type GuardNode = FieldNode | InlineFragmentNode | FragmentSpreadNode;

/** A field taken out of the operation: the result gets `null` and an error in its place. */
export interface RemovedField {
  responseKey: string;
  /**
   * Type conditions between the enclosing field and this one, where they narrow an abstract
   * type: the field applies to an object only if its concrete type satisfies every one.
   */
  conditions: readonly string[];
  /** Selections with `@skip` / `@include` on the way to this field (the field included). */
  guards: readonly GuardNode[];
  /** A null here propagates to the enclosing object. */
  nonNull: boolean;
  denial: AccessDenial;
  /** `Type.field`, as named in errors. */
  coordinate: string;
  node: FieldNode;
}

/** A field that stays, with removals somewhere below it. */
export interface KeptField {
  responseKey: string;
  conditions: readonly string[];
  type: GraphQLOutputType;
  level: RemovalLevel;
}

/** What was removed from one selection set (with its fragments), and under which fields. */
export interface RemovalLevel {
  removed: readonly RemovedField[];
  kept: readonly KeptField[];
  /** The filtered selection set selects `__typename` as `TYPENAME_ALIAS`. */
  typenameAlias: boolean;
  /** The selections as the client sent them: the order a restored field takes its place in. */
  selections: readonly SelectionNode[];
}

export interface FilteredOperation {
  /** Nothing was removed: `document` is the original, to execute as is. */
  unchanged: boolean;
  /** Every root field was removed: there is nothing to execute. */
  empty: boolean;
  /** The document to plan: the operation (filtered) and the fragments it still uses. */
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** The operation as the client sent it (its variable definitions decide `@skip` / `@include`). */
  original: OperationDefinitionNode;
  /** The fragments of the document as the client sent it, by name. */
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  rootType: GraphQLObjectType;
  root: RemovalLevel;
}

export interface FilterOperationOptions {
  /** The API schema the operation was validated against. */
  schema: GraphQLSchema;
  index: AuthorizationIndex;
  document: DocumentNode;
  /** The operation to execute, one of `document`'s. */
  operation: OperationDefinitionNode;
  viewer: Viewer | null;
}

interface Entries {
  removed: RemovedField[];
  kept: KeptField[];
}

interface Position {
  conditions: readonly string[];
  guards: readonly GuardNode[];
}

const TOP: Position = { conditions: [], guards: [] };

const TYPENAME_SELECTION: FieldNode = {
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: TYPENAME_ALIAS },
  name: { kind: Kind.NAME, value: '__typename' },
};

/**
 * Removes from an operation every field the viewer may not read, as Apollo Router does with
 * `@authenticated`, `@requiresScopes` and `@policy`. A field is denied when the requirements of
 * any of these are unmet: the field itself; the type it is selected on (so a type-level
 * directive guards every field of the type, including root types and fragments on it); when
 * selected on an interface, every implementation's type and field (any could be returned); and
 * the type it returns (unwrapped). `__typename` and introspection are never removed.
 *
 * The walk follows fields, inline fragments and named fragments (each filtered once); variables
 * play no part. A field left without selections keeps `__typename` (aliased), so its parent
 * still resolves and the removed fields can be answered with `null` at their real paths.
 * Fragments, fragment definitions and variable definitions emptied or unused by the removal are
 * dropped so the document stays valid.
 */
export function filterOperation(options: FilterOperationOptions): FilteredOperation {
  const { schema, document, operation } = options;
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) throw new Error(`the schema has no ${operation.operation} type`);
  const filter = new OperationFilter(options);
  const root: Entries = { removed: [], kept: [] };
  const selections = filter.selections(operation.selectionSet.selections, rootType, root, TOP);
  const level = {
    ...root,
    typenameAlias: false,
    selections: operation.selectionSet.selections,
  };
  if (root.removed.length === 0 && root.kept.length === 0) {
    return {
      unchanged: true,
      empty: false,
      document,
      operation,
      original: operation,
      fragments: filter.fragments,
      rootType,
      root: level,
    };
  }

  const filtered: OperationDefinitionNode = {
    ...operation,
    selectionSet: { ...operation.selectionSet, selections },
  };
  const fragments = filter.usedFragments(filtered);
  const variables = variablesUsedIn([{ ...filtered, variableDefinitions: [] }, ...fragments]);
  const filteredOperation: OperationDefinitionNode = {
    ...filtered,
    variableDefinitions: (operation.variableDefinitions ?? []).filter(({ variable }) =>
      variables.has(variable.name.value),
    ),
  };
  return {
    unchanged: false,
    empty: selections.length === 0,
    document: { kind: Kind.DOCUMENT, definitions: [filteredOperation, ...fragments] },
    operation: filteredOperation,
    original: operation,
    fragments: filter.fragments,
    rootType,
    root: level,
  };
}

class OperationFilter {
  readonly #schema: GraphQLSchema;
  readonly #index: AuthorizationIndex;
  readonly #viewer: Viewer | null;
  /** The document's fragment definitions, by name. */
  readonly fragments = new Map<string, FragmentDefinitionNode>();
  /** Each named fragment filtered once, relative to its own type condition. */
  readonly #filteredFragments = new Map<
    string,
    { selections: readonly SelectionNode[]; entries: Entries }
  >();

  constructor({ schema, index, viewer, document }: FilterOperationOptions) {
    this.#schema = schema;
    this.#index = index;
    this.#viewer = viewer;
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        this.fragments.set(definition.name.value, definition);
      }
    }
  }

  /** The selections that remain; what was removed is added to `entries`. */
  selections(
    nodes: readonly SelectionNode[],
    scope: GraphQLCompositeType,
    entries: Entries,
    at: Position,
  ): SelectionNode[] {
    const kept: SelectionNode[] = [];
    for (const node of nodes) {
      const result =
        node.kind === Kind.FIELD
          ? this.#field(node, scope, entries, at)
          : node.kind === Kind.INLINE_FRAGMENT
            ? this.#inlineFragment(node, scope, entries, at)
            : this.#fragmentSpread(node, scope, entries, at);
      if (result) kept.push(result);
    }
    return kept;
  }

  /** The fragment definitions the filtered operation still spreads, filtered. */
  usedFragments(operation: OperationDefinitionNode): FragmentDefinitionNode[] {
    const used = new Map<string, FragmentDefinitionNode>();
    const collect = (node: ASTNode) => {
      visit(node, {
        FragmentSpread: (spread) => {
          const name = spread.name.value;
          const definition = this.fragments.get(name);
          if (used.has(name) || !definition) return;
          const filtered = this.#filteredFragments.get(name);
          const selections = filtered?.selections ?? definition.selectionSet.selections;
          const copy: FragmentDefinitionNode = {
            ...definition,
            selectionSet: { ...definition.selectionSet, selections },
          };
          used.set(name, copy);
          collect(copy);
        },
      });
    };
    collect(operation);
    return [...used.values()];
  }

  #field(
    node: FieldNode,
    scope: GraphQLCompositeType,
    entries: Entries,
    at: Position,
  ): FieldNode | undefined {
    const name = node.name.value;
    // __typename, __schema, __type: nothing to authorize.
    if (name.startsWith('__')) return node;
    const definition = fieldOf(scope, name);
    // Validation already refused unknown fields; nothing to check on one.
    if (!definition) return node;
    const responseKey = node.alias?.value ?? name;

    const denial = evaluateRequirements(this.#requirements(scope, definition), this.#viewer);
    if (denial) {
      entries.removed.push({
        responseKey,
        conditions: at.conditions,
        guards: hasGuard(node) ? [...at.guards, node] : at.guards,
        nonNull: isNonNullType(definition.type),
        denial,
        coordinate: `${scope.name}.${name}`,
        node,
      });
      return undefined;
    }
    if (!node.selectionSet) return node;

    const type = getNamedType(definition.type);
    if (!isCompositeType(type)) return node;
    const below: Entries = { removed: [], kept: [] };
    const selections = this.selections(node.selectionSet.selections, type, below, TOP);
    if (below.removed.length === 0 && below.kept.length === 0) return node;
    // Where a type condition narrows an abstract type, the concrete type of each object decides
    // whether a removed field applies to it; an emptied selection set needs something to select.
    const typenameAlias =
      selections.length === 0 ||
      (isAbstractType(type) &&
        [...below.removed, ...below.kept].some(({ conditions }) => conditions.length > 0));
    entries.kept.push({
      responseKey,
      conditions: at.conditions,
      type: definition.type,
      level: { ...below, typenameAlias, selections: node.selectionSet.selections },
    });
    return {
      ...node,
      selectionSet: {
        ...node.selectionSet,
        selections: typenameAlias ? [...selections, TYPENAME_SELECTION] : selections,
      },
    };
  }

  #inlineFragment(
    node: InlineFragmentNode,
    scope: GraphQLCompositeType,
    entries: Entries,
    at: Position,
  ): InlineFragmentNode | undefined {
    const condition = node.typeCondition
      ? this.#compositeType(node.typeCondition.name.value)
      : scope;
    if (!condition) return node;
    const inside: Position = {
      conditions: narrows(scope, condition) ? [...at.conditions, condition.name] : at.conditions,
      guards: hasGuard(node) ? [...at.guards, node] : at.guards,
    };
    const before = entries.removed.length + entries.kept.length;
    const selections = this.selections(node.selectionSet.selections, condition, entries, inside);
    if (entries.removed.length + entries.kept.length === before) return node;
    if (selections.length === 0) return undefined;
    return { ...node, selectionSet: { ...node.selectionSet, selections } };
  }

  #fragmentSpread(
    node: FragmentSpreadNode,
    scope: GraphQLCompositeType,
    entries: Entries,
    at: Position,
  ): FragmentSpreadNode | undefined {
    const name = node.name.value;
    const definition = this.fragments.get(name);
    const condition = definition && this.#compositeType(definition.typeCondition.name.value);
    if (!definition || !condition) return node;
    let filtered = this.#filteredFragments.get(name);
    if (!filtered) {
      const inside: Entries = { removed: [], kept: [] };
      const selections = this.selections(
        definition.selectionSet.selections,
        condition,
        inside,
        TOP,
      );
      filtered = { selections, entries: inside };
      this.#filteredFragments.set(name, filtered);
    }
    const conditions = narrows(scope, condition)
      ? [...at.conditions, condition.name]
      : at.conditions;
    const guards = hasGuard(node) ? [...at.guards, node] : at.guards;
    for (const removed of filtered.entries.removed) {
      entries.removed.push({
        ...removed,
        conditions: [...conditions, ...removed.conditions],
        guards: [...guards, ...removed.guards],
      });
    }
    for (const kept of filtered.entries.kept) {
      entries.kept.push({ ...kept, conditions: [...conditions, ...kept.conditions] });
    }
    return filtered.selections.length === 0 ? undefined : node;
  }

  /** Everything that must hold to read `definition` selected on `scope`. */
  #requirements(
    scope: GraphQLCompositeType,
    definition: GraphQLField<unknown, unknown>,
  ): AccessRequirement[] {
    const requirements: AccessRequirement[] = [];
    const add = (requirement: AccessRequirement | undefined) => {
      if (requirement) requirements.push(requirement);
    };
    add(this.#index.type(scope.name));
    add(this.#index.field(scope.name, definition.name));
    if (isAbstractType(scope)) {
      for (const type of this.#schema.getPossibleTypes(scope)) {
        add(this.#index.type(type.name));
        add(this.#index.field(type.name, definition.name));
      }
    }
    add(this.#index.type(getNamedType(definition.type).name));
    return requirements;
  }

  #compositeType(name: string): GraphQLCompositeType | undefined {
    const type = this.#schema.getType(name);
    return isCompositeType(type) ? type : undefined;
  }
}

function fieldOf(
  scope: GraphQLCompositeType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(scope) || isInterfaceType(scope) ? scope.getFields()[name] : undefined;
}

/** A type condition that only some objects of an abstract `scope` satisfy. */
function narrows(scope: GraphQLCompositeType, condition: GraphQLCompositeType): boolean {
  return isAbstractType(scope) && condition.name !== scope.name;
}

function hasGuard(node: GuardNode): boolean {
  return (
    node.directives?.some(({ name }) => name.value === 'skip' || name.value === 'include') ?? false
  );
}

function variablesUsedIn(nodes: readonly ASTNode[]): Set<string> {
  const used = new Set<string>();
  for (const node of nodes) {
    visit(node, {
      Variable: (variable) => {
        used.add(variable.name.value);
      },
    });
  }
  return used;
}
