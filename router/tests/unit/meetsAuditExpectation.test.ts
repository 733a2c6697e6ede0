import { describe, expect, it } from 'vitest';
import { meetsAuditExpectation } from '../support/meetsAuditExpectation.ts';

describe('meetsAuditExpectation', () => {
  it('compares data, with fields in any order', () => {
    expect(meetsAuditExpectation({ data: { a: 1, b: 2 } }, { data: { b: 2, a: 1 } })).toBe(true);
    expect(meetsAuditExpectation({ data: { a: 1 } }, { data: { a: 2 } })).toBe(false);
  });

  it('checks errors only when the test says whether there are any', () => {
    const failed = { data: null, errors: [{ message: 'no' }] };
    expect(meetsAuditExpectation(failed, { data: null })).toBe(true);
    expect(meetsAuditExpectation(failed, { data: null, errors: true })).toBe(true);
    expect(meetsAuditExpectation(failed, { data: null, errors: false })).toBe(false);
    expect(meetsAuditExpectation({ data: { a: null } }, { data: null, errors: true })).toBe(false);
  });
});
