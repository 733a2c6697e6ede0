import { InvalidInput } from '../errors/DomainError.ts';

/**
 * Relay cursors: an opaque base64url string for the client, a plain position object for the
 * repository. A cursor that does not decode to a valid position is the client's mistake.
 */
export function encodeCursor(position: object): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeCursor<TPosition>(
  cursor: string,
  isPosition: (value: unknown) => value is TPosition,
  argument = 'after',
): TPosition {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!isPosition(value)) {
    throw new InvalidInput(argument, `${argument} is not a cursor returned by this connection`);
  }
  return value;
}

/** Checks a page size argument: 0 to `max`. */
export function pageSize(first: number, max = 100, argument = 'first'): number {
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw new InvalidInput(argument, `${argument} must be a whole number from 0 to ${max}`);
  }
  return first;
}
