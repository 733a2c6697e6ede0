import type { Filter } from '../DocumentStore.ts';

const NO_EQUALITY = Symbol('no equality');

/**
 * The document an upsert starts from, as MongoDB builds it: the equality conditions of the
 * filter (`field: value`, `field: { $eq: value }`, a one-element `$in`, also inside `$and` and
 * a one-clause `$or`), with dotted paths expanded into subdocuments. Ranges, regular
 * expressions and other operators contribute nothing.
 * @see https://www.mongodb.com/docs/manual/reference/method/db.collection.updateOne/#upsert-behavior
 */
export function upsertSeed(filter: Filter): Record<string, unknown> {
  const seed: Record<string, unknown> = {};
  collect(filter, seed);
  return structuredClone(seed);
}

function collect(filter: Filter, seed: Record<string, unknown>): void {
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const clause of condition) if (isPlainObject(clause)) collect(clause, seed);
    } else if (field === '$or' && Array.isArray(condition) && condition.length === 1) {
      const [clause] = condition as unknown[];
      if (isPlainObject(clause)) collect(clause, seed);
    } else if (!field.startsWith('$')) {
      const value = equalityValue(condition);
      if (value !== NO_EQUALITY) setPath(seed, field.split('.'), value);
    }
  }
}

function equalityValue(condition: unknown): unknown {
  if (condition instanceof RegExp) return NO_EQUALITY;
  if (!isPlainObject(condition)) return condition;
  const operators = Object.keys(condition);
  if (operators.length === 0 || !operators.every((key) => key.startsWith('$'))) return condition;
  if ('$eq' in condition) return condition['$eq'];
  const candidates = condition['$in'];
  if (Array.isArray(candidates) && candidates.length === 1 && !(candidates[0] instanceof RegExp)) {
    return candidates[0] as unknown;
  }
  return NO_EQUALITY;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const next = target[head];
  if (next === undefined) {
    const child: Record<string, unknown> = {};
    target[head] = child;
    setPath(child, rest, value);
  } else if (isPlainObject(next)) {
    setPath(next, rest, value);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof RegExp)
  );
}
