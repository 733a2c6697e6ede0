import { describe, expect, it } from 'vitest';
import { diffResponses } from '../support/diffResponses.ts';

const error = (message: string, path: string[], code: string) => ({
  message,
  path,
  extensions: { code },
});

describe('diffResponses', () => {
  it('finds nothing between identical answers, errors in any order', () => {
    const a = error('A failed', ['a'], 'INTERNAL_SERVER_ERROR');
    const b = error('B failed', ['b'], 'NOT_FOUND');
    expect(
      diffResponses(
        { data: { a: null, b: null }, errors: [a, b] },
        { data: { a: null, b: null }, errors: [b, a] },
      ),
    ).toEqual([]);
  });

  it('ignores what errors carry besides message, path and code', () => {
    const reference = { ...error('Gone', ['a'], 'NOT_FOUND'), locations: [{ line: 1, column: 3 }] };
    expect(
      diffResponses(
        { data: null, errors: [error('Gone', ['a'], 'NOT_FOUND')] },
        { data: null, errors: [reference] },
      ),
    ).toEqual([]);
  });

  it('tells different data, and the same data with fields in another order', () => {
    expect(diffResponses({ data: { a: 1 } }, { data: { a: 2 } })).toEqual(['data differs']);
    expect(diffResponses({ data: { a: 1, b: 2 } }, { data: { b: 2, a: 1 } })).toEqual([
      'data: the same values with the fields in another order',
    ]);
    expect(diffResponses({ errors: [] }, { data: null })).toEqual([
      'data: absent here, present in the reference',
    ]);
  });

  it('lists errors one answer has and the other has not', () => {
    expect(
      diffResponses(
        { data: null, errors: [error('Internal server error', ['a'], 'INTERNAL_SERVER_ERROR')] },
        { data: null, errors: [error('Internal server error', ['b'], 'INTERNAL_SERVER_ERROR')] },
      ),
    ).toEqual([
      'error not in the reference: {"message":"Internal server error","path":["a"],"code":"INTERNAL_SERVER_ERROR"}',
      'error missing: {"message":"Internal server error","path":["b"],"code":"INTERNAL_SERVER_ERROR"}',
    ]);
    const twice = error('Gone', ['a'], 'NOT_FOUND');
    expect(
      diffResponses({ data: null, errors: [twice, twice] }, { data: null, errors: [twice] }),
    ).toEqual(['2 errors, the reference has 1']);
  });
});
