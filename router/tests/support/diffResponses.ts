import { isDeepStrictEqual } from 'node:util';
import type { GraphQLResponse } from './http.ts';

type Body = GraphQLResponse['body'];

/**
 * How two answers to the same operation differ, in words; empty when they are identical:
 * the same `data`, field order included, and the same errors by message, path and
 * `extensions.code` (in any order: an executor lists them as its fetches return).
 */
export function diffResponses(actual: Body, reference: Body): string[] {
  const differences: string[] = [];
  if ('data' in actual !== 'data' in reference) {
    const [here, there] = 'data' in actual ? ['present', 'absent'] : ['absent', 'present'];
    differences.push(`data: ${here} here, ${there} in the reference`);
  } else if (JSON.stringify(actual.data) !== JSON.stringify(reference.data)) {
    differences.push(
      isDeepStrictEqual(actual.data, reference.data)
        ? 'data: the same values with the fields in another order'
        : 'data differs',
    );
  }
  const errors = errorsOf(actual);
  const referenceErrors = errorsOf(reference);
  for (const error of errors.filter((error) => !referenceErrors.includes(error))) {
    differences.push(`error not in the reference: ${error}`);
  }
  for (const error of referenceErrors.filter((error) => !errors.includes(error))) {
    differences.push(`error missing: ${error}`);
  }
  if (differences.length === 0 && errors.length !== referenceErrors.length) {
    differences.push(`${errors.length} errors, the reference has ${referenceErrors.length}`);
  }
  return differences;
}

function errorsOf(body: Body): string[] {
  return (body.errors ?? [])
    .map(({ message, path, extensions }) =>
      JSON.stringify({ message, path: path ?? null, code: extensions?.['code'] ?? null }),
    )
    .sort();
}
