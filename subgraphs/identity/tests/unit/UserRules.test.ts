import { InvalidInput } from '@play-economy/chassis/domain';
import { describe, expect, it } from 'vitest';
import {
  usernameKeyOf,
  validEmail,
  validPassword,
  validUsername,
} from '../../src/domain/UserRules.ts';

function refusal(action: () => unknown) {
  try {
    action();
  } catch (error) {
    if (error instanceof InvalidInput)
      return { field: error.details['field'], message: error.message };
    throw error;
  }
  return undefined;
}

describe('username', () => {
  it.each(['abc', 'Cloud_Strife', 'tifa.lockhart', 'barret-1997', 'x'.repeat(32)])(
    'accepts %s',
    (username) => {
      expect(validUsername(username)).toBe(username);
    },
  );

  it('trims surrounding white space', () => {
    expect(validUsername('  aerith ')).toBe('aerith');
  });

  it.each(['ab', 'x'.repeat(33), 'has space', 'ünïcode', 'at@sign', 'semi;colon', '   '])(
    'refuses %j naming username',
    (username) => {
      const refused = refusal(() => validUsername(username));
      expect(refused?.field).toBe('username');
      expect(refused?.message).toContain('username');
    },
  );

  it('compares ignoring case', () => {
    expect(usernameKeyOf('Cloud_Strife')).toBe(usernameKeyOf('cLOUD_sTRIFE'));
  });
});

describe('email', () => {
  it('is trimmed and lower-cased', () => {
    expect(validEmail('  Cloud@AVALANCHE.example ')).toBe('cloud@avalanche.example');
  });

  it.each([
    'plain',
    'no-domain@',
    '@no-local.part',
    'no@dot',
    'two@@signs.example',
    'spa ce@example.com',
    'trailing@dot.',
    `${'x'.repeat(250)}@example.com`,
  ])('refuses %j naming email', (email) => {
    expect(refusal(() => validEmail(email))?.field).toBe('email');
  });
});

describe('password', () => {
  it('accepts 10 to 200 characters, as typed', () => {
    expect(validPassword('x'.repeat(10))).toBe('x'.repeat(10));
    expect(validPassword(' padded password ')).toBe(' padded password ');
    expect(validPassword('x'.repeat(200))).toHaveLength(200);
  });

  it.each([
    ['too short', 'x'.repeat(9)],
    ['too long', 'x'.repeat(201)],
    ['empty', ''],
  ])('refuses one %s with a message naming password', (_case, password) => {
    const refused = refusal(() => validPassword(password));
    expect(refused).toEqual({
      field: 'password',
      message: 'password must be 10 to 200 characters',
    });
  });

  it('counts characters, not UTF-16 units', () => {
    // Five emoji are ten UTF-16 units but five characters.
    expect(refusal(() => validPassword('🔥🔥🔥🔥🔥'))?.field).toBe('password');
    expect(validPassword('🔥'.repeat(10))).toBe('🔥'.repeat(10));
  });
});
