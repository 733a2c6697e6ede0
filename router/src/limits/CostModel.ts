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
  readonly #possible = new Map<GraphQLCompositeType, readonly GraphQLObjectType[]>();
  readonly #walks = new WeakMap<OperationDefinitionNode, Walk>();
  readonly #pricer: Pricer = (type, selectionSets, walk) =>
    this.#priceFields(type, selectionSets, walk);

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
    const walk = this.#walkOf(operation, fragments, variables);
    return baseCost(operation) + this.#estimateSelection(root, walk.root, walk, undefined);
  }

  actual(
    operation: OperationDefinitionNode,
    fragments: Fragments,
    variables: Variables,
    data: Readonly<Record<string, unknown>> | null | undefined,
  ): number {
    const root = this.#schema.getRootType(operation.operation);
    if (!root || !data) return 0;
    const walk = this.#walkOf(operation, fragments, variables);
    return baseCost(operation) + this.#actualSelection(root, walk.root, data, walk);
  }

  /**
   * The walk of an operation: its priced fields per selection and type, worked out once. An
   * operation without variables prices the same every time: its walk is kept with it.
   */
  #walkOf(operation: OperationDefinitionNode, fragments: Fragments, variables: Variables): Walk {
    if (operation.variableDefinitions?.length)
      return new Walk(operation, fragments, variables, this.#pricer);
    let walk = this.#walks.get(operation);
    if (!walk) {
      walk = new Walk(operation, fragments, variables, this.#pricer);
      this.#walks.set(operation, walk);
    }
    return walk;
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
      for (const priced of walk.fieldsOf(objectType, selectionSets)) {
        let multiplier = 1;
        if (sized?.fields.has(priced.name)) {
          // A connection's `edges`: as long as the connection says, whatever their own sizing.
          multiplier = sized.size;
        } else if (priced.isList && !priced.sizedFields) {
          multiplier = priced.listSize;
        }
        const children = priced.child
          ? this.#estimateSelection(
              priced.child,
              priced.subselections,
              walk,
              priced.sizedFields && { fields: priced.sizedFields, size: priced.listSize },
            )
          : 0;
        sum += multiplier * (priced.own + children) + priced.argumentsCost;
      }
      most = Math.max(most, sum);
    }
    return most;
  }

  #actualSelection(
    type: GraphQLCompositeType,
    selectionSets: readonly SelectionSetNode[],
    value: Readonly<Record<string, unknown>>,
    walk: Walk,
  ): number {
    const typename = value['__typename'];
    const runtime = typeof typename === 'string' ? this.#schema.getType(typename) : undefined;
    const candidates =
      runtime && isObjectType(runtime) ? this.#possibleTypes(runtime) : this.#possibleTypes(type);
    let most = 0;
    for (const objectType of candidates) {
      let sum = 0;
      for (const priced of walk.fieldsOf(objectType, selectionSets)) {
        sum += priced.argumentsCost + this.#actualValue(priced, value[priced.key], walk);
      }
      most = Math.max(most, sum);
    }
    return most;
  }

  /** A field's value priced: each item of a list (nested lists too), `null` at its own weight. */
  #actualValue(priced: PricedField, value: unknown, walk: Walk): number {
    if (value === undefined) return 0;
    if (Array.isArray(value)) {
      let sum = 0;
      for (const item of value) sum += this.#actualValue(priced, item, walk);
      return sum;
    }
    if (value === null || typeof value !== 'object' || !priced.child) return priced.own;
    const children = this.#actualSelection(
      priced.child,
      priced.subselections,
      value as Record<string, unknown>,
      walk,
    );
    return priced.own + children;
  }

  /** The fields of `type` that `selectionSets` select, priced. */
  #priceFields(
    type: GraphQLObjectType,
    selectionSets: readonly SelectionSetNode[],
    walk: Walk,
  ): PricedField[] {
    const priced: PricedField[] = [];
    for (const [key, nodes] of collectFields(this.#schema, type, selectionSets, walk)) {
      const first = nodes[0]!;
      const field = type.getFields()[first.name.value];
      if (!field) continue; // __typename and introspection: answered by the router itself
      const pricing = this.#pricingOf(type, field.name);
      const child = getNamedType(field.type);
      priced.push({
        key,
        name: field.name,
        own: this.#ownWeight(field, pricing),
        argumentsCost: this.#argumentsCost(pricing, first),
        isList: isListType(getNullableType(field.type)),
        listSize: this.#listSize(field, pricing, first, walk.variables),
        sizedFields: pricing?.sizedFields && new Set(pricing.sizedFields),
        child: isCompositeType(child) ? child : undefined,
        subselections: isCompositeType(child) ? subselections(nodes) : [],
      });
    }
    return priced;
  }

  #possibleTypes(type: GraphQLCompositeType): readonly GraphQLObjectType[] {
    let types = this.#possible.get(type);
    if (!types) {
      types = isAbstractType(type) ? this.#schema.getPossibleTypes(type) : [type];
      this.#possible.set(type, types);
    }
    return types;
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

/** A field of an object type as one selection selects it, priced. */
interface PricedField {
  /** Response key. */
  key: string;
  name: string;
  own: number;
  argumentsCost: number;
  isList: boolean;
  listSize: number;
  sizedFields: ReadonlySet<string> | undefined;
  /** The object, interface or union it returns; undefined for leaves. */
  child: GraphQLCompositeType | undefined;
  subselections: readonly SelectionSetNode[];
}

type Pricer = (
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
  walk: Walk,
) => PricedField[];

/** One pricing of an operation with given variables: its priced fields, worked out once each. */
class Walk {
  readonly root: readonly SelectionSetNode[];
  readonly #plans = new Map<readonly SelectionSetNode[], Map<GraphQLObjectType, PricedField[]>>();

  constructor(
    operation: OperationDefinitionNode,
    readonly fragments: Fragments,
    readonly variables: Variables,
    private readonly price: Pricer,
  ) {
    this.root = [operation.selectionSet];
  }

  fieldsOf(type: GraphQLObjectType, selectionSets: readonly SelectionSetNode[]): PricedField[] {
    let byType = this.#plans.get(selectionSets);
    if (!byType) {
      byType = new Map();
      this.#plans.set(selectionSets, byType);
    }
    let fields = byType.get(type);
    if (!fields) {
      fields = this.price(type, selectionSets, this);
      byType.set(type, fields);
    }
    return fields;
  }
}

function baseCost(operation: OperationDefinitionNode): number {
  return operation.operation === 'mutation' ? MUTATION_BASE_COST : 0;
}

/** The size a connection's `@listSize(sizedFields:)` hands down to those fields. */
interface Sized {
  fields: ReadonlySet<string>;
  size: number;
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
