import {
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  type StringValueNode,
} from 'graphql';

/** Marks the aliases the engine gives; the response shaping answers under the original name. */
export const REQUIRED_ARGUMENT_ALIAS_PREFIX = '__pe_';

/**
 * The fields that some `@requires` selects with arguments, by parent type. A client selecting
 * one of them with other arguments would, in Apollo's query planner (2.14), share the response
 * name of the required selection: the planner merges the two into one subgraph field and the
 * client gets the required arguments' answer (the federation audit's `requires-with-argument`).
 * The engine aliases such client fields before planning, so both are fetched side by side.
 */
export class RequiresWithArguments {
  readonly #fields = new Map<string, Set<string>>();
  /** Per type, per field with `@requires`: the arguments it requires each path with. */
  readonly #requiredArguments = new Map<string, Map<string, Map<string, string>>>();
  readonly #schema: GraphQLSchema;

  /** Reads the `@<join>__field(requires:)` selections of a supergraph schema. */
  constructor(supergraphSchema: GraphQLSchema, joinFieldDirective = 'join__field') {
    this.#schema = supergraphSchema;
    for (const type of Object.values(supergraphSchema.getTypeMap())) {
      if (!isObjectType(type) && !isInterfaceType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        for (const directive of field.astNode?.directives ?? []) {
          if (directive.name.value !== joinFieldDirective) continue;
          const requires = directive.arguments?.find(
            (argument) => argument.name.value === 'requires',
          );
          if (requires?.value.kind !== Kind.STRING) continue;
          const selection = parseSelection((requires.value as StringValueNode).value);
          this.#collect(type, selection);
          const paths = new Map<string, string>();
          collectArgumentPaths(selection, '', paths);
          if (paths.size > 0) {
            const fields = this.#requiredArguments.get(type.name) ?? new Map();
            fields.set(field.name, paths);
            this.#requiredArguments.set(type.name, fields);
          }
        }
      }
    }
  }

  get empty(): boolean {
    return this.#fields.size === 0;
  }

  /**
   * `document` with every client field that a `@requires` also selects with arguments aliased
   * to `__pe_<response name>`; the document itself when there is none, or when the client
   * already uses such names.
   */
  aliasIn(document: DocumentNode, apiSchema: GraphQLSchema): DocumentNode {
    if (this.empty || usesReservedAlias(document)) return document;
    const typeInfo = new TypeInfo(apiSchema);
    let changed = false;
    const aliased = visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field: (node) => {
          if (!node.arguments?.length || node.name.value.startsWith('__')) return undefined;
          const parent = typeInfo.getParentType();
          if (!parent || !this.#concerns(parent, node.name.value)) return undefined;
          changed = true;
          const responseName = node.alias?.value ?? node.name.value;
          return {
            ...node,
            alias: { kind: Kind.NAME, value: `${REQUIRED_ARGUMENT_ALIAS_PREFIX}${responseName}` },
          };
        },
      }),
    );
    return changed ? aliased : document;
  }

  /**
   * The documents to plan instead of `document` so that no fetch needs one path with two sets
   * of arguments: Apollo's query planner (2.14) merges the inputs of two `@requires` fields
   * that require the same field with different arguments into one, and sends both fields one
   * of them (the federation audit's `requires-with-argument-conflict`). Where a selection set
   * asks for such fields together, each variant keeps one of them; their results are merged.
   * Only queries are split: a mutation must run once.
   */
  splitConflicts(document: DocumentNode, apiSchema: GraphQLSchema): DocumentNode[] {
    if (this.#requiredArguments.size === 0) return [document];
    const conflict = this.#findConflict(document, apiSchema);
    if (!conflict) return [document];
    return conflict.fields.flatMap((kept) =>
      this.splitConflicts(
        withoutFields(
          document,
          apiSchema,
          conflict.typeName,
          conflict.fields.filter((field) => field !== kept),
        ),
        apiSchema,
      ),
    );
  }

  #findConflict(
    document: DocumentNode,
    apiSchema: GraphQLSchema,
  ): { typeName: string; fields: string[] } | undefined {
    const typeInfo = new TypeInfo(apiSchema);
    let found: { typeName: string; fields: string[] } | undefined;
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        OperationDefinition: (node) => (node.operation === 'query' ? undefined : false),
        SelectionSet: (node) => {
          const type = typeInfo.getParentType();
          const fields = type && this.#requiredArguments.get(type.name);
          if (found || !type || !fields) return;
          const selected = [
            ...new Set(
              node.selections.flatMap((selection) =>
                selection.kind === Kind.FIELD && fields.has(selection.name.value)
                  ? [selection.name.value]
                  : [],
              ),
            ),
          ];
          const group = selected.filter((field) =>
            selected.some(
              (other) => other !== field && conflicting(fields.get(field), fields.get(other)),
            ),
          );
          if (group.length > 1) found = { typeName: type.name, fields: group };
        },
      }),
    );
    return found;
  }

  #concerns(parent: GraphQLCompositeType, fieldName: string): boolean {
    const types: readonly GraphQLNamedType[] = isAbstractType(parent)
      ? [parent, ...this.#schema.getPossibleTypes(parent)]
      : [parent];
    return types.some((type) => this.#fields.get(type.name)?.has(fieldName) ?? false);
  }

  #collect(type: GraphQLNamedType, selectionSet: SelectionSetNode): void {
    if (!isObjectType(type) && !isInterfaceType(type)) return;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? this.#schema.getType(selection.typeCondition.name.value)
          : type;
        if (condition) this.#collect(condition, selection.selectionSet);
        continue;
      }
      if (selection.kind !== Kind.FIELD) continue;
      if (selection.arguments?.length) {
        const names = this.#fields.get(type.name) ?? new Set<string>();
        names.add(selection.name.value);
        this.#fields.set(type.name, names);
      }
      const field = type.getFields()[selection.name.value];
      if (field && selection.selectionSet) {
        this.#collect(getNamedType(field.type), selection.selectionSet);
      }
    }
  }
}

/** `a.b` → printed arguments, for every field of a `@requires` selection that has some. */
function collectArgumentPaths(
  selectionSet: SelectionSetNode,
  prefix: string,
  into: Map<string, string>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectArgumentPaths(selection.selectionSet, prefix, into);
    } else if (selection.kind === Kind.FIELD) {
      const path = `${prefix}${selection.name.value}`;
      if (selection.arguments?.length) into.set(path, selection.arguments.map(print).join(','));
      if (selection.selectionSet) collectArgumentPaths(selection.selectionSet, `${path}.`, into);
    }
  }
}

/** Two `@requires` that need one path with different arguments. */
function conflicting(
  a: ReadonlyMap<string, string> | undefined,
  b: ReadonlyMap<string, string> | undefined,
): boolean {
  if (!a || !b) return false;
  for (const [path, args] of a) {
    const other = b.get(path);
    if (other !== undefined && other !== args) return true;
  }
  return false;
}

/** `document` without the fields `names` of `typeName`; a selection set left empty gets `__typename`. */
function withoutFields(
  document: DocumentNode,
  apiSchema: GraphQLSchema,
  typeName: string,
  names: readonly string[],
): DocumentNode {
  const typeInfo = new TypeInfo(apiSchema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      SelectionSet: {
        leave: (node) => {
          if (typeInfo.getParentType()?.name !== typeName) return undefined;
          const selections = node.selections.filter(
            (selection) => selection.kind !== Kind.FIELD || !names.includes(selection.name.value),
          );
          if (selections.length === node.selections.length) return undefined;
          return {
            ...node,
            selections:
              selections.length > 0
                ? selections
                : [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }],
          };
        },
      },
    }),
  );
}

function parseSelection(fieldSet: string): SelectionSetNode {
  const document = parse(`{ ${fieldSet} }`, { noLocation: true });
  const [operation] = document.definitions;
  if (operation?.kind !== Kind.OPERATION_DEFINITION) throw new Error(`bad field set: ${fieldSet}`);
  return operation.selectionSet;
}

function usesReservedAlias(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.alias?.value.startsWith(REQUIRED_ARGUMENT_ALIAS_PREFIX)) found = true;
    },
  });
  return found;
}
