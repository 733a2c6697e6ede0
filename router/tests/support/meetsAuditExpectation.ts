import { isDeepStrictEqual } from 'node:util';
import type { GraphQLResponse } from './http.ts';

/** A test's expected answer, as the federation audit serves it at `/<suite>/tests`. */
export interface AuditExpectation {
  data?: unknown;
  /** Whether the answer has errors; when absent, errors are not checked. */
  errors?: boolean;
}

/**
 * Whether an answer passes the federation audit's check (its `src/test.ts`): `data` equal to the
 * expected data (field order aside), and errors present exactly when `errors` says so.
 */
export function meetsAuditExpectation(
  body: GraphQLResponse['body'],
  expected: AuditExpectation,
): boolean {
  const checkErrors = typeof expected.errors === 'boolean';
  return isDeepStrictEqual(
    { data: body.data ?? null, errors: checkErrors ? Boolean(body.errors?.length) : null },
    { data: expected.data ?? null, errors: checkErrors ? expected.errors : null },
  );
}
