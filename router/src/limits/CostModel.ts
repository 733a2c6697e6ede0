import {
  getDirectiveValues,
  getNamedType,
  getNullableType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  parse,
  valueFromAST,
  type DefinitionNode,
  type DirectiveNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** How operations are priced. */
export interface CostSettings {
  /** Size assumed for a list with neither `@listSize` nor a `first`/`last`/`limit` argument. */
  defaultListSize: number;
}

/** What `@cost` and `@listSize` say of one field. */
interface FieldPricing {
  weight?: number;
  assumedSize?: number;
  slicingArguments?: readonly string[];
  sizedFields?: readonly string[];
  /** `@cost` weights of the field's arguments, charged when the argument is given. */
  argumentWeights?: ReadonlyMap<string, number>;
}

type Variables = Readonly<Record<string, unknown>>;
type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

/** Arguments taken as list sizes on fields without `@listSize`. */
const CONVENTIONAL_SLICING_ARGUMENTS = ['first', 'last', 'limit'];

/** Added once for a mutation, whose side effects cost more than a read (as Apollo Router does). */
const MUTATION_BASE_COST = 10;

/**
 * The demand-control price of operations, from the `@cost` and `@listSize` directives the
 * subgraphs declare (composed into the supergraph, the cost spec of IBM's GraphQL Cost
 * Directives as Apollo Federation ships it). An object costs 1 and a leaf 0 unless `@cost` says
 * otherwise; a list multiplies what it holds by its size: the largest slicing argument given,
 * else `assumedSize`, else the argument's default, else {@link CostSettings.defaultListSize};
 * `sizedFields` carry the size of a connection down to its `edges`/`nodes`; an abstract type
 * costs as much as its most expensive possible type. {@link estimate} prices the operation
 * before it runs; {@link actual} prices the data it returned, with the lists' real lengths.
 */
export class CostModel {
  readonly #schema: GraphQLSchema;
  readonly #settings: CostSettings;
  readonly #fields: ReadonlyMap<string, FieldPricing>;
  readonly #typeWeights: ReadonlyMap<string, number>;

  constructor(apiSchema: GraphQLSchema, supergraphSdl: string, settings: CostSettings) {
    this.#schema = apiSchema;
    this.#settings = settings;
    const { fields, typeWeights } = readPricing(parse(supergraphSdl).definitions);
    this.#fields = fields;
    this.#typeWeights = typeWeights;
  }

  estimate(operation: OperationDefinitionNode, fragments: Fragments, variables: Variables): number {
    const root = this.#schema.getRootType(operation.operation);
    if (!root) return 0;
    const base = operation.operation === 'mutation' ? MUTATION_BASE_COST : 0;
    const walk = { fragments, variables };
    return base + this.#estimateSelection(root, [operation.selectionSet], walk, undefined);
  }

  actual(
    operation: OperationDefinitionNode,
    fragments: Fragments,
    variables: Variables,
    data: Readonly<Record<string, unknown>> | null | undefined,
  ): number {
    const root = this.#schema.getRootType(operation.operation);
    if (!root || !data) return 0;
    const base = operation.operation === 'mutation' ? MUTATION_BASE_COST : 0;
    return (
      base + this.#actualSelection(root, [operation.selectionSet], data, { fragments, variables })
    );
  }

  #estimateSelection(
    type: GraphQLCompositeType,
    selectionSets: readonly SelectionSetNode[],
    walk: Walk,
    sized: Sized | undefined,
  ): number {
    let most = 0;
    for (const objectType of this.#possibleTypes(type)) {
      let sum = 0;
      for (const [, nodes] of collectFields(this.#schema, objectType, selectionSets, walk)) {
        sum += this.#estimateField(objectType, nodes, walk, sized);
      }
      most = Math.max(most, sum);
    }
    return most;
  }

  #estimateField(
    parent: GraphQLObjectType,
    nodes: readonly FieldNode[],
    walk: Walk,
    sized: Sized | undefined,
  ): number {
    const first = nodes[0]!;
    const field = parent.getFields()[first.name.value];
    if (!field) return 0; // __typename and introspection: answered by the router itself
    const pricing = this.#pricingOf(parent, field.name);
    const own = this.#ownWeight(field, pricing);
    const size = this.#listSize(field, pricing, first, walk.variables);
    let multiplier = 1;
    let childSized: Sized | undefined;
    if (sized?.fields.has(first.name.value)) {
      // A connection's `edges`: as long as the connection says, whatever their own sizing.
      multiplier = sized.size;
    } else if (pricing?.sizedFields) {
      childSized = { fields: new Set(pricing.sizedFields), size };
    } else if (isListType(getNullableType(field.type))) {
      multiplier = size;
    }
    const type = getNamedType(field.type);
    const children = isCompositeType(type)
      ? this.#estimateSelection(type, subselections(nodes), walk, childSized)
      : 0;
    return multiplier * (own + children) + this.#argumentsCost(pricing, first);
  }

  #actualSelection(
    type: GraphQLCompositeType,
    selectionSets: readonly SelectionSetNode[],
    value: Readonly<Record<string, unknown>>,
    walk: Walk,
  ): number {
    const typename = value['__typename'];
    const runtime = typeof typename === 'string' ? this.#schema.getType(typename) : undefined;
    const candidates = runtime && isObjectType(runtime) ? [runtime] : this.#possibleTypes(type);
    let most = 0;
    for (const objectType of candidates) {
      let sum = 0;
      for (const [key, nodes] of collectFields(this.#schema, objectType, selectionSets, walk)) {
        const field = objectType.getFields()[nodes[0]!.name.value];
        if (!field) continue;
        const pricing = this.#pricingOf(objectType, field.name);
        const own = this.#ownWeight(field, pricing);
        const child = getNamedType(field.type);
        const subselectionSets = isCompositeType(child) ? subselections(nodes) : [];
        const priceOf = (item: unknown): number =>
          item !== null && typeof item === 'object' && isCompositeType(child)
            ? own +
              this.#actualSelection(child, subselectionSets, item as Record<string, unknown>, walk)
            : own;
        sum += this.#argumentsCost(pricing, nodes[0]!) + priceEach(value[key], priceOf, own);
      }
      most = Math.max(most, sum);
    }
    return most;
  }

  #possibleTypes(type: GraphQLCompositeType): readonly GraphQLObjectType[] {
    return isAbstractType(type) ? this.#schema.getPossibleTypes(type) : [type];
  }

  /** Pricing declared on the object's field, else on an interface it implements. */
  #pricingOf(parent: GraphQLObjectType, fieldName: string): FieldPricing | undefined {
    const own = this.#fields.get(`${parent.name}.${fieldName}`);
    if (own) return own;
    for (const iface of parent.getInterfaces()) {
      const inherited = this.#fields.get(`${iface.name}.${fieldName}`);
      if (inherited) return inherited;
    }
    return undefined;
  }

  #ownWeight(field: GraphQLField<unknown, unknown>, pricing: FieldPricing | undefined): number {
    if (pricing?.weight !== undefined) return pricing.weight;
    const type = getNamedType(field.type);
    return this.#typeWeights.get(type.name) ?? (isCompositeType(type) ? 1 : 0);
  }

  #argumentsCost(pricing: FieldPricing | undefined, node: FieldNode): number {
    if (!pricing?.argumentWeights || !node.arguments) return 0;
    let cost = 0;
    for (const argument of node.arguments)
      cost += pricing.argumentWeights.get(argument.name.value) ?? 0;
    return cost;
  }

  #listSize(
    field: GraphQLField<unknown, unknown>,
    pricing: FieldPricing | undefined,
    node: FieldNode,
    variables: Variables,
  ): number {
    const slicing =
      pricing?.slicingArguments ??
      (pricing?.assumedSize === undefined
        ? CONVENTIONAL_SLICING_ARGUMENTS.filter((name) =>
            field.args.some((arg) => arg.name === name),
          )
        : []);
    let largest: number | undefined;
    for (const name of slicing) {
      const size = argumentValue(field, node, name, variables);
      if (typeof size === 'number') largest = Math.max(largest ?? 0, size);
    }
    if (largest !== undefined) return largest;
    if (pricing?.assumedSize !== undefined) return pricing.assumedSize;
    for (const name of slicing) {
      const fallback = field.args.find((arg) => arg.name === name)?.defaultValue;
      if (typeof fallback === 'number') return fallback;
    }
    return this.#settings.defaultListSize;
  }
}

interface Walk {
  fragments: Fragments;
  variables: Variables;
}

/** The size a connection's `@listSize(sizedFields:)` hands down to those fields. */
interface Sized {
  fields: ReadonlySet<string>;
  size: number;
}

/** A value's price: each item of a list priced (nested lists too), `null` at its own weight. */
function priceEach(value: unknown, priceOf: (item: unknown) => number, own: number): number {
  if (Array.isArray(value)) {
    let sum = 0;
    for (const item of value)
      sum += Array.isArray(item) ? priceEach(item, priceOf, own) : priceOf(item);
    return sum;
  }
  return value === undefined ? 0 : priceOf(value);
}

function argumentValue(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  name: string,
  variables: Variables,
): unknown {
  const argument = node.arguments?.find((arg) => arg.name.value === name);
  const definition = field.args.find((arg) => arg.name === name);
  if (!argument || !definition) return undefined;
  return valueFromAST(argument.value, definition.type, variables);
}

function subselections(nodes: readonly FieldNode[]): SelectionSetNode[] {
  const sets: SelectionSetNode[] = [];
  for (const node of nodes) if (node.selectionSet) sets.push(node.selectionSet);
  return sets;
}

/**
 * The fields `selectionSets` select on an object of `type`, by response key: fragments whose
 * type condition the type meets are followed, `@skip`/`@include` applied.
 */
function collectFields(
  schema: GraphQLSchema,
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
  walk: Walk,
): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const included = (node: Parameters<typeof getDirectiveValues>[1]): boolean =>
    getDirectiveValues(GraphQLSkipDirective, node, walk.variables)?.['if'] !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, walk.variables)?.['if'] !== false;
  const applies = (condition: string | undefined): boolean => {
    if (condition === undefined || condition === type.name) return true;
    const conditionType = schema.getType(condition);
    return conditionType !== undefined && isAbstractType(conditionType)
      ? schema.isSubType(conditionType, type)
      : false;
  };
  const visit = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const list = fields.get(key);
        if (list) list.push(selection);
        else fields.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value)) visit(selection.selectionSet);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = walk.fragments.get(selection.name.value);
        if (fragment && applies(fragment.typeCondition.name.value)) visit(fragment.selectionSet);
      }
    }
  };
  for (const selectionSet of selectionSets) visit(selectionSet);
  return fields;
}

/** The `@cost`/`@listSize` applications of a supergraph, under the names its cost link gives. */
function readPricing(definitions: readonly DefinitionNode[]): {
  fields: Map<string, FieldPricing>;
  typeWeights: Map<string, number>;
} {
  const names = costDirectiveNames(definitions);
  const fields = new Map<string, FieldPricing>();
  const typeWeights = new Map<string, number>();
  for (const definition of definitions) {
    if (!('name' in definition) || !definition.name) continue;
    const typeName = definition.name.value;
    if ('directives' in definition) {
      const weight = intArgument(find(definition.directives, names.cost), 'weight');
      if (weight !== undefined) typeWeights.set(typeName, weight);
    }
    if (!('fields' in definition) || !definition.fields) continue;
    for (const field of definition.fields) {
      if (field.kind !== Kind.FIELD_DEFINITION) continue;
      const pricing: FieldPricing = {};
      const weight = intArgument(find(field.directives, names.cost), 'weight');
      if (weight !== undefined) pricing.weight = weight;
      const listSize = find(field.directives, names.listSize);
      if (listSize) {
        const assumedSize = intArgument(listSize, 'assumedSize');
        if (assumedSize !== undefined) pricing.assumedSize = assumedSize;
        const slicing = stringListArgument(listSize, 'slicingArguments');
        if (slicing) pricing.slicingArguments = slicing;
        const sizedFields = stringListArgument(listSize, 'sizedFields');
        if (sizedFields) pricing.sizedFields = sizedFields;
      }
      const argumentWeights = new Map<string, number>();
      for (const argument of field.arguments ?? []) {
        const argumentWeight = intArgument(find(argument.directives, names.cost), 'weight');
        if (argumentWeight !== undefined) argumentWeights.set(argument.name.value, argumentWeight);
      }
      if (argumentWeights.size > 0) pricing.argumentWeights = argumentWeights;
      if (Object.keys(pricing).length > 0) fields.set(`${typeName}.${field.name.value}`, pricing);
    }
  }
  return { fields, typeWeights };
}

/**
 * The names `@cost` and `@listSize` go by: the cost spec's link may rename the spec (`as`) and
 * import `@listSize` under another name; `@cost`, named like the spec, goes by the spec's name.
 */
function costDirectiveNames(definitions: readonly DefinitionNode[]): {
  cost: string;
  listSize: string;
} {
  for (const definition of definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) {
      continue;
    }
    for (const link of definition.directives ?? []) {
      const url = link.arguments?.find((arg) => arg.name.value === 'url')?.value;
      if (url?.kind !== Kind.STRING || !url.value.startsWith('https://specs.apollo.dev/cost/')) {
        continue;
      }
      const as = link.arguments?.find((arg) => arg.name.value === 'as')?.value;
      const spec = as?.kind === Kind.STRING ? as.value : 'cost';
      let listSize = `${spec}__listSize`;
      const imports = link.arguments?.find((arg) => arg.name.value === 'import')?.value;
      for (const entry of imports?.kind === Kind.LIST ? imports.values : []) {
        if (entry.kind === Kind.STRING && entry.value === '@listSize') listSize = 'listSize';
        if (entry.kind === Kind.OBJECT) {
          const name = entry.fields.find((f) => f.name.value === 'name')?.value;
          const renamed = entry.fields.find((f) => f.name.value === 'as')?.value;
          if (
            name?.kind === Kind.STRING &&
            name.value === '@listSize' &&
            renamed?.kind === Kind.STRING
          ) {
            listSize = renamed.value.replace(/^@/, '');
          }
        }
      }
      return { cost: spec, listSize };
    }
  }
  return { cost: 'cost', listSize: 'listSize' };
}

function find(
  directives: readonly DirectiveNode[] | undefined,
  name: string,
): DirectiveNode | undefined {
  return directives?.find((directive) => directive.name.value === name);
}

function intArgument(directive: DirectiveNode | undefined, name: string): number | undefined {
  const value = directive?.arguments?.find((arg) => arg.name.value === name)?.value;
  return value?.kind === Kind.INT ? Number(value.value) : undefined;
}

function stringListArgument(directive: DirectiveNode, name: string): readonly string[] | undefined {
  const value = directive.arguments?.find((arg) => arg.name.value === name)?.value;
  if (value?.kind === Kind.STRING) return [value.value];
  if (value?.kind !== Kind.LIST) return undefined;
  return value.values.flatMap((item) => (item.kind === Kind.STRING ? [item.value] : []));
}
