import {
  isCompositeType,
  isEnumType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  Variable,
  type CompositeType,
  type FieldSelection,
  type NamedType,
  type Operation,
  type OperationElement,
  type OutputType,
  type Schema,
  type SelectionSet,
} from '@apollo/federation-internals';

import { REQUIRED_ARGUMENT_ALIAS_PREFIX } from './RequiresWithArguments.ts';

/**
 * A `@skip`/`@include` on a selection: a literal is decided when compiling, a variable when
 * executing. `include` is what the directive wants for the selection to stay.
 */
export interface VariableCondition {
  variable: string;
  include: boolean;
}

/** How a value of one output type is completed. */
export type TypeShape =
  | { kind: 'nonNull'; ofType: TypeShape }
  | { kind: 'list'; ofType: TypeShape }
  | { kind: 'leaf'; typeName: string; isValid: (value: unknown) => boolean }
  | { kind: 'composite'; typeName: string };

export interface FieldShape {
  kind: 'field';
  /** The name the client reads the field under. */
  responseName: string;
  /** The name it has in the fetched data: the response name, or the engine's alias for it. */
  dataKey: string;
  /** `__typename`: answered from the object's type, never read from subgraph data as is. */
  isTypename: boolean;
  /** `__schema` or `__type`: answered by the router from the API schema. */
  introspection: FieldSelection | undefined;
  type: TypeShape;
  conditions: readonly VariableCondition[];
  selection: SelectionShape | undefined;
}

export interface FragmentShape {
  kind: 'fragment';
  /** The names of the types the fragment applies to (its condition and every subtype), or all. */
  appliesTo: ReadonlySet<string> | undefined;
  /** Its type condition, or the type it is spread in. */
  typeName: string;
  conditions: readonly VariableCondition[];
  selection: SelectionShape;
}

export type SelectionShape = readonly (FieldShape | FragmentShape)[];

/** An operation reduced to what shaping a response needs, with every schema lookup made. */
export interface ResponseShape {
  rootTypeName: string;
  selection: SelectionShape;
  /** Names of the API schema's composite types, by name, for `__typename` checks. */
  compositeTypes: ReadonlySet<string>;
  objectTypes: ReadonlySet<string>;
  /** Whether the operation asks for `__schema` or `__type` anywhere at its root. */
  hasIntrospection: boolean;
}

/**
 * Compiles the response shaping of an operation planned against the API schema: every type
 * condition resolved to the set of type names it matches, every leaf to its validity check,
 * every literal `@skip`/`@include` decided. Done once per operation and cached with its plan.
 */
export function compileResponseShape(operation: Operation): ResponseShape {
  const schema = operation.schema();
  const compiler = new ShapeCompiler(schema);
  const rootType = schema.schemaDefinition.rootType(operation.rootKind);
  if (!rootType) throw new Error(`the schema has no ${operation.rootKind} type`);
  const selection = compiler.selection(operation.selectionSet);
  return {
    rootTypeName: rootType.name,
    selection,
    compositeTypes: compiler.compositeTypes,
    objectTypes: compiler.objectTypes,
    hasIntrospection: selection.some(hasIntrospection),
  };
}

function hasIntrospection(shape: FieldShape | FragmentShape): boolean {
  return shape.kind === 'field'
    ? shape.introspection !== undefined
    : shape.selection.some(hasIntrospection);
}

const SKIPPED = Symbol('skipped');

class ShapeCompiler {
  readonly compositeTypes = new Set<string>();
  readonly objectTypes = new Set<string>();
  readonly #schema: Schema;
  readonly #subtypes = new Map<string, ReadonlySet<string>>();

  constructor(schema: Schema) {
    this.#schema = schema;
    for (const type of schema.types()) {
      if (isCompositeType(type)) this.compositeTypes.add(type.name);
      if (isObjectType(type)) this.objectTypes.add(type.name);
    }
  }

  selection(selectionSet: SelectionSet): SelectionShape {
    const shapes: (FieldShape | FragmentShape)[] = [];
    for (const selection of selectionSet.selections()) {
      const conditions = this.#conditions(selection.element);
      if (conditions === SKIPPED) continue;
      if (selection.kind === 'FieldSelection') {
        const field = selection.element;
        const definition = field.definition;
        const dataKey = field.responseName();
        shapes.push({
          kind: 'field',
          responseName: dataKey.startsWith(REQUIRED_ARGUMENT_ALIAS_PREFIX)
            ? dataKey.slice(REQUIRED_ARGUMENT_ALIAS_PREFIX.length)
            : dataKey,
          dataKey,
          isTypename: field.name === '__typename',
          introspection: definition.isSchemaIntrospectionField() ? selection : undefined,
          type: this.#type(definition.type as OutputType),
          conditions,
          selection: selection.selectionSet ? this.selection(selection.selectionSet) : undefined,
        });
      } else {
        const typeCondition = selection.element.typeCondition;
        shapes.push({
          kind: 'fragment',
          appliesTo: typeCondition ? this.#subtypesOf(typeCondition) : undefined,
          typeName: (typeCondition ?? selection.element.parentType).name,
          conditions,
          selection: this.selection(selection.selectionSet),
        });
      }
    }
    return shapes;
  }

  /** The variable conditions of an element, or `SKIPPED` when a literal excludes it. */
  #conditions(element: OperationElement): VariableCondition[] | typeof SKIPPED {
    const conditions: VariableCondition[] = [];
    const directives = [
      [element.appliedDirectivesOf(this.#schema.skipDirective())[0]?.arguments().if, false],
      [element.appliedDirectivesOf(this.#schema.includeDirective())[0]?.arguments().if, true],
    ] as const;
    for (const [condition, include] of directives) {
      if (condition === undefined) continue;
      if (condition instanceof Variable) conditions.push({ variable: condition.name, include });
      else if (condition !== include) return SKIPPED;
    }
    return conditions;
  }

  #type(type: OutputType): TypeShape {
    if (isNonNullType(type)) return { kind: 'nonNull', ofType: this.#type(type.ofType) };
    if (isListType(type)) return { kind: 'list', ofType: this.#type(type.ofType) };
    if (isCompositeType(type)) return { kind: 'composite', typeName: type.name };
    return { kind: 'leaf', typeName: type.name, isValid: this.#leafCheck(type) };
  }

  /** Mirrors what a valid value of a leaf type is in the API schema (see `isValidLeafValue`). */
  #leafCheck(type: NamedType): (value: unknown) => boolean {
    if (isEnumType(type)) {
      const values = new Set(type.values.map(({ name }) => name));
      return (value) => typeof value === 'string' && values.has(value);
    }
    switch (type.name) {
      case 'Boolean':
        return (value) => typeof value === 'boolean';
      case 'Int':
        return (value) => typeof value === 'number' && Number.isInteger(value);
      case 'Float':
        return (value) => typeof value === 'number' && Number.isFinite(value);
      case 'ID':
        return (value) =>
          typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value));
      case 'String':
        return (value) => typeof value === 'string';
      default:
        // A custom scalar may be anything.
        return () => true;
    }
  }

  /** The composite type and every type of the schema that is a subtype of it. */
  #subtypesOf(type: CompositeType): ReadonlySet<string> {
    const cached = this.#subtypes.get(type.name);
    if (cached) return cached;
    const names = new Set<string>([type.name]);
    if (isUnionType(type)) {
      for (const member of type.types()) names.add(member.name);
    } else if (isInterfaceType(type)) {
      for (const implementation of type.allImplementations()) names.add(implementation.name);
    }
    this.#subtypes.set(type.name, names);
    return names;
  }
}
