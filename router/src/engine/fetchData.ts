import type { FetchDataRewrite, QueryPlanSelectionNode } from '@apollo/query-planner';
import type { TypeRelations } from './TypeRelations.ts';

export type DataObject = Record<string, unknown>;

const FRAGMENT_PREFIX = '... on ';

/**
 * Merges `source` into `target` in place: objects field by field, lists of the same length
 * element by element, anything else replaced. Subgraph answers are merged into the response
 * being built this way, never copied.
 */
export function mergeInto(target: DataObject, source: DataObject): void {
  for (const key in source) {
    const value = source[key];
    if (value === undefined) continue;
    // Own fields only: a response name may be `__proto__` or `constructor` (aliases are the
    // client's to choose), and reading or writing it as a property would reach the prototype.
    const current = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isObject(current) && isObject(value)) {
      mergeInto(current, value);
    } else if (Array.isArray(current) && Array.isArray(value) && current.length === value.length) {
      for (let index = 0; index < value.length; index++) {
        const element: unknown = value[index];
        const currentElement: unknown = current[index];
        if (isObject(currentElement) && isObject(element)) mergeInto(currentElement, element);
        else current[index] = element;
      }
    } else {
      setOwn(target, key, value);
    }
  }
}

/** Sets an own field, `__proto__` included (as a field, never as the prototype). */
export function setOwn(object: DataObject, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    object[key] = value;
  }
}

function isObject(value: unknown): value is DataObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The representation of `entity` a fetch sends: the fields its `requires` selects, with type
 * conditions applied. Null when a required field is missing: it failed upstream (and was
 * reported there), so this entity cannot be resolved further.
 */
export function selectRepresentation(
  entity: DataObject,
  selections: readonly QueryPlanSelectionNode[],
  types: TypeRelations,
): DataObject | null {
  const result: DataObject = {};
  for (const selection of selections) {
    if (selection.kind === 'Field') {
      const responseName = selection.alias ?? selection.name;
      const value = Object.hasOwn(entity, responseName) ? entity[responseName] : undefined;
      if (value === undefined) return null;
      const nested = selection.selections;
      result[responseName] = nested === undefined ? value : selectNested(value, nested, types);
    } else {
      if (!selection.typeCondition) continue;
      if (!types.isObjectOfType(entity, selection.typeCondition)) continue;
      const fragment = selectRepresentation(entity, selection.selections, types);
      if (fragment) mergeInto(result, fragment);
    }
  }
  return result;
}

function selectNested(
  value: unknown,
  selections: readonly QueryPlanSelectionNode[],
  types: TypeRelations,
): unknown {
  if (Array.isArray(value)) return value.map((element) => selectNested(element, selections, types));
  if (value === null || typeof value !== 'object') return value;
  return selectRepresentation(value as DataObject, selections, types);
}

/**
 * Applies the planner's rewrites to fetch inputs or outputs: a path of fields and
 * `... on Type` conditions, ending with the field to set or rename.
 */
export function applyRewrites(
  rewrites: readonly FetchDataRewrite[] | undefined,
  value: unknown,
  types: TypeRelations,
): void {
  if (!rewrites) return;
  for (const rewrite of rewrites) {
    const field = rewrite.path[rewrite.path.length - 1];
    if (field === undefined) continue;
    const apply =
      rewrite.kind === 'ValueSetter'
        ? (object: DataObject) => {
            setOwn(object, field, rewrite.setValueTo as unknown);
          }
        : (object: DataObject) => {
            const renamed = Object.hasOwn(object, field) ? object[field] : undefined;
            if (renamed) {
              setOwn(object, rewrite.renameKeyTo, renamed);
              setOwn(object, field, undefined);
            }
          };
    applyAtPath(rewrite.path, 0, rewrite.path.length - 1, value, apply, types);
  }
}

function applyAtPath(
  path: readonly string[],
  start: number,
  end: number,
  value: unknown,
  apply: (object: DataObject) => void,
  types: TypeRelations,
): void {
  if (Array.isArray(value)) {
    for (const element of value) applyAtPath(path, start, end, element, apply, types);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const object = value as DataObject;
  if (start === end) {
    apply(object);
    return;
  }
  const element = path[start] as string;
  if (element.startsWith(FRAGMENT_PREFIX)) {
    // Objects without a __typename are rewritten too: the planner relies on it.
    if (types.isObjectOfType(object, element.slice(FRAGMENT_PREFIX.length), true)) {
      applyAtPath(path, start + 1, end, object, apply, types);
    }
  } else if (Object.hasOwn(object, element)) {
    applyAtPath(path, start + 1, end, object[element], apply, types);
  }
}
