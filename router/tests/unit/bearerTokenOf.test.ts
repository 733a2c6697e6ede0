import { describe, expect, it } from 'vitest';
import { bearerTokenOf } from '../../src/auth/bearerTokenOf.ts';
import { InvalidAccessToken } from '../../src/auth/InvalidAccessToken.ts';

describe('bearerTokenOf', () => {
  it('reads no header as anonymous', () => {
    expect(bearerTokenOf(undefined)).toBeUndefined();
  });

  it('reads the token of a Bearer credential, whatever the case of the scheme', () => {
    expect(bearerTokenOf('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerTokenOf('bearer  abc.def-_ghi')).toBe('abc.def-_ghi');
  });

  it.each(['', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearer a b', 'abc.def.ghi'])(
    'refuses %j as an invalid request',
    (header) => {
      expect(() => bearerTokenOf(header)).toThrow(InvalidAccessToken);
      try {
        bearerTokenOf(header);
      } catch (error) {
        expect((error as InvalidAccessToken).bearerError).toBe('invalid_request');
      }
    },
  );
});
