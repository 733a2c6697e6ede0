import { DUPLICATE_KEY_ERROR_CODE } from '../DocumentStore.ts';

/**
 * A unique index violation, shaped like the driver's `MongoServerError` for code 11000 so that
 * `isDuplicateKeyError` and callers reading `keyPattern` / `keyValue` work on both engines.
 */
export class DuplicateKeyError extends Error {
  override readonly name = 'DuplicateKeyError';
  readonly code = DUPLICATE_KEY_ERROR_CODE;

  constructor(
    namespace: string,
    readonly index: string,
    readonly keyPattern: Record<string, 1 | -1>,
    readonly keyValue: Record<string, unknown>,
  ) {
    super(
      `E11000 duplicate key error collection: ${namespace} index: ${index} dup key: ${describeKey(keyValue)}`,
    );
  }
}

function describeKey(keyValue: Record<string, unknown>): string {
  const fields = Object.entries(keyValue).map(([field, value]) => {
    const shown = value instanceof Date ? `new Date(${value.getTime()})` : JSON.stringify(value);
    return `${field}: ${shown ?? 'null'}`;
  });
  return `{ ${fields.join(', ')} }`;
}
