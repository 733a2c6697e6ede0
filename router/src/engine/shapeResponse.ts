import type { FieldSelection } from '@apollo/federation-internals';
import { GraphQLError } from 'graphql';
import { setOwn } from './fetchData.ts';
import type {
  FieldShape,
  ResponseShape,
  SelectionShape,
  TypeShape,
  VariableCondition,
} from './ResponseShape.ts';

type ResponseObject = Record<string, unknown>;
type Path = (string | number)[];

export interface ShapeOptions {
  shape: ResponseShape;
  /** The data the plan fetched, merged: more fields than asked, in no particular order. */
  input: ResponseObject;
  /** Variables with their defaults applied, for `@skip` and `@include`. */
  variables: Readonly<Record<string, unknown>>;
  /** Answers one `__schema` or `__type` field. */
  introspect: (selection: FieldSelection) => unknown;
}

export interface ShapedResponse {
  data: ResponseObject | null;
  /** Fields whose value broke the schema (a null for a non-null type, a bad enum value ...). */
  errors: GraphQLError[];
}

/** Marks a null that must replace the enclosing nullable value. */
const BUBBLE = Symbol('null bubbles up');

/**
 * Builds the response the client asked for from the fetched data: only the fields selected,
 * under their response names, in the operation's order; `__typename` from the object's type;
 * fragments applied by type; values checked against the API schema, with nulls in non-null
 * positions propagated to the nearest nullable parent, as GraphQL's value completion does.
 */
export function shapeResponse({
  shape,
  input,
  variables,
  introspect,
}: ShapeOptions): ShapedResponse {
  const shaper = new Shaper(shape, variables, introspect);
  const output: ResponseObject = {};
  const result = shaper.object(input, shape.selection, output, [], shape.rootTypeName);
  return { data: result === BUBBLE ? null : output, errors: shaper.errors };
}

class Shaper {
  readonly errors: GraphQLError[] = [];
  readonly #shape: ResponseShape;
  readonly #variables: Readonly<Record<string, unknown>>;
  readonly #introspect: (selection: FieldSelection) => unknown;

  constructor(
    shape: ResponseShape,
    variables: Readonly<Record<string, unknown>>,
    introspect: (selection: FieldSelection) => unknown,
  ) {
    this.#shape = shape;
    this.#variables = variables;
    this.#introspect = introspect;
  }

  /** Fills `output` from `input` along `selection`; `BUBBLE` when the object must be null. */
  object(
    input: ResponseObject,
    selection: SelectionShape,
    output: ResponseObject,
    path: Path,
    typeName: string,
  ): typeof BUBBLE | undefined {
    for (const item of selection) {
      if (item.conditions.length > 0 && !this.#included(item.conditions)) continue;
      if (item.kind === 'fragment') {
        if (!this.#applies(item.appliesTo, input, typeName)) continue;
        const result = this.object(input, item.selection, output, path, item.typeName);
        if (result === BUBBLE) return BUBBLE;
        continue;
      }
      const { responseName } = item;
      const existing = Object.hasOwn(output, responseName) ? output[responseName] : undefined;
      if (item.introspection) {
        if (existing === undefined)
          setOwn(output, responseName, this.#introspect(item.introspection));
        continue;
      }
      if (item.isTypename) {
        if (existing !== undefined) continue;
        const name = this.#typenameOf(input, item, typeName);
        if (name === undefined) return BUBBLE;
        setOwn(output, responseName, name);
        continue;
      }
      const { dataKey } = item;
      const inputValue = Object.hasOwn(input, dataKey) ? (input[dataKey] ?? null) : null;
      path.push(responseName);
      const completed = this.#value(existing, item.type, inputValue, item, path, typeName);
      path.pop();
      if (completed === BUBBLE) {
        setOwn(output, responseName, null);
        return BUBBLE;
      }
      setOwn(output, responseName, completed);
    }
    return undefined;
  }

  /**
   * Whether an error was already recorded for the null `#value` last returned: a null it
   * causes further up is then not reported again. A field, not a returned pair, so completing
   * a value allocates nothing.
   */
  #reported = false;

  /**
   * The value of a field of `type` for `inputValue`, merged into what an earlier selection of
   * the same response name produced (`existing`). `BUBBLE` when it is null in a non-null
   * position.
   */
  #value(
    existing: unknown,
    type: TypeShape,
    inputValue: unknown,
    field: FieldShape,
    path: Path,
    parentTypeName: string,
  ): unknown {
    this.#reported = false;
    if (existing === null || (existing !== undefined && !field.selection)) return existing;
    switch (type.kind) {
      case 'nonNull': {
        const inner = this.#value(existing, type.ofType, inputValue, field, path, parentTypeName);
        if (inner === BUBBLE) return BUBBLE;
        if (inner !== null) return inner;
        if (!this.#reported) {
          this.#error(
            `Cannot return null for non-nullable ${describe(path, type.ofType, parentTypeName)}.`,
            path,
          );
        }
        return BUBBLE;
      }
      case 'list': {
        if (inputValue === null) return null;
        if (!Array.isArray(inputValue)) {
          throw new Error(
            `a subgraph returned a non-list value for list type at ${path.join('.')}`,
          );
        }
        const previous = Array.isArray(existing) ? (existing as unknown[]) : undefined;
        const list = previous ?? new Array<unknown>(inputValue.length);
        let nullified = false;
        let reported = false;
        for (let index = 0; index < inputValue.length; index++) {
          path.push(index);
          const element = this.#value(
            previous ? previous[index] : undefined,
            type.ofType,
            inputValue[index] ?? null,
            field,
            path,
            parentTypeName,
          );
          path.pop();
          if (element === BUBBLE) {
            nullified = true;
            reported = true;
            list[index] = null;
          } else {
            list[index] = element;
            reported ||= this.#reported;
          }
        }
        this.#reported = reported;
        return nullified ? null : list;
      }
      case 'composite': {
        if (inputValue === null) return null;
        if (typeof inputValue !== 'object' || field.selection === undefined) {
          throw new Error(`a subgraph returned a non-object value at ${path.join('.')}`);
        }
        const object = inputValue as ResponseObject;
        const typename = object['__typename'];
        let typeName = type.typeName;
        if (typeof typename === 'string') {
          // A type the API schema does not have is an @inaccessible one: never named to clients.
          if (!this.#shape.compositeTypes.has(typename)) {
            this.#error(
              `Invalid __typename found for object at ${describe(path, type, parentTypeName)}.`,
              path,
            );
            this.#reported = true;
            return null;
          }
          typeName = typename;
        }
        const output = existing === undefined ? {} : (existing as ResponseObject);
        const result = this.object(object, field.selection, output, path, typeName);
        this.#reported = result === BUBBLE;
        return result === BUBBLE ? null : output;
      }
      case 'leaf': {
        if (inputValue === null) return null;
        if (type.isValid(inputValue)) return inputValue;
        this.#error(`Invalid value found for ${describe(path, type, parentTypeName)}.`, path);
        this.#reported = true;
        return null;
      }
    }
  }

  /** The `__typename` to answer, or undefined when the object cannot be shown at all. */
  #typenameOf(input: ResponseObject, field: FieldShape, typeName: string): string | undefined {
    let value = Object.hasOwn(input, field.dataKey) ? input[field.dataKey] : undefined;
    if (value == null && field.dataKey !== '__typename') value = input['__typename'];
    const candidate =
      typeof value === 'string' && this.#shape.compositeTypes.has(value) ? value : typeName;
    // An @interfaceObject subgraph names the interface; only an object type is an answer.
    return this.#shape.objectTypes.has(candidate) ? candidate : undefined;
  }

  #applies(
    appliesTo: ReadonlySet<string> | undefined,
    input: ResponseObject,
    typeName: string,
  ): boolean {
    if (!appliesTo) return true;
    const typename = input['__typename'];
    return appliesTo.has(typeof typename === 'string' && typename !== '' ? typename : typeName);
  }

  #included(conditions: readonly VariableCondition[]): boolean {
    return conditions.every(({ variable, include }) => this.#variables[variable] === include);
  }

  #error(message: string, path: Path): void {
    this.errors.push(
      new GraphQLError(message, { path: [...path], extensions: { code: 'INVALID_GRAPHQL' } }),
    );
  }
}

function describe(path: Path, type: TypeShape, parentTypeName: string): string {
  const last = path[path.length - 1];
  return typeof last === 'string'
    ? `field ${parentTypeName}.${last}`
    : `array element of type ${printType(type)} at index ${String(last)}`;
}

function printType(type: TypeShape): string {
  switch (type.kind) {
    case 'nonNull':
      return `${printType(type.ofType)}!`;
    case 'list':
      return `[${printType(type.ofType)}]`;
    default:
      return type.typeName;
  }
}
