import { describe, expect, it } from 'vitest';
import { parseTapFailures } from '../../audit/parseTapFailures.ts';

/** A suite's TAP log as the audit writes it (`logs/<suite>-tests.log`), cut short. */
const tap = `TAP version 13
# Subtest: keys-mashup
    # Subtest: keys-mashup_0
    ok 1 - keys-mashup_0
      ---
      duration_ms: 12.5
      type: 'test'
      ...
    # Subtest: keys-mashup_1
    not ok 2 - keys-mashup_1
      ---
      duration_ms: 129.534934
      type: 'test'
      failureType: 'testCodeFailure'
      error: |-
        Test failed for query

              query {
                b { id }
              }

        - Expected
        + Received

          Object {
        -   "b": Object {},
        +   "b": null,
          }
      code: 'ERR_ASSERTION'
      ...
    # Subtest: keys-mashup_2
    not ok 3 - keys-mashup_2
      ---
      duration_ms: 3.1
      type: 'test'
      error: 'fetch failed: the gateway''s port is closed'
      code: 'ERR_TEST_FAILURE'
      ...
    1..3
not ok 1 - keys-mashup
  ---
  duration_ms: 130.752013
  type: 'suite'
  error: '2 subtests failed'
  ...
1..1
`;

describe('parseTapFailures', () => {
  it('gives each failed test with its error, leaving out passed tests and suites', () => {
    expect(parseTapFailures(tap)).toEqual([
      {
        name: 'keys-mashup_1',
        error: [
          'Test failed for query',
          '',
          '      query {',
          '        b { id }',
          '      }',
          '',
          '- Expected',
          '+ Received',
          '',
          '  Object {',
          '-   "b": Object {},',
          '+   "b": null,',
          '  }',
        ].join('\n'),
      },
      { name: 'keys-mashup_2', error: "fetch failed: the gateway's port is closed" },
    ]);
  });

  it('finds nothing in a report without failures', () => {
    expect(parseTapFailures('TAP version 13\nok 1 - a\n1..1\n')).toEqual([]);
  });
});
