import { Role } from '@play-economy/chassis/domain';
import { describe, expect, it } from 'vitest';
import { User, type UserState } from '../../src/domain/User.ts';

const createdAt = new Date(Date.UTC(2026, 0, 1));

/** The user as the store returns it, with `gil` after whatever change it applied. */
const stored = (gil: number): UserState => ({
  id: 'u-1',
  username: 'Cloud',
  email: 'cloud@example.com',
  roles: [Role.Player],
  gil,
  passwordHash: 'hash-1',
  createdAt,
});

describe('User.register', () => {
  it('records identity.user.created once', () => {
    const user = User.register(
      {
        username: 'Cloud',
        email: 'Cloud@Example.com',
        passwordHash: 'hash-1',
        roles: [Role.Player],
        startingGil: 100,
      },
      'u-1',
      createdAt,
    );
    expect(user.toState()).toEqual(stored(100));
    expect(user.pullEvents()).toEqual([
      { type: 'identity.user.created', payload: { userId: 'u-1', username: 'Cloud' } },
    ]);
    expect(user.pullEvents()).toEqual([]);
  });

  it('records nothing for a user restored from storage', () => {
    expect(User.restore(stored(100)).pullEvents()).toEqual([]);
  });
});

describe("User's gil", () => {
  it("records an admin's adjustment with the balance after it", () => {
    const user = User.restore(stored(150));
    user.gilAdjusted(50);
    expect(user.pullEvents()).toEqual([
      { type: 'identity.gil.changed', payload: { userId: 'u-1', balance: 150, delta: 50 } },
    ]);
  });

  it.each([
    { movement: 'debit', balance: 70, delta: -30, reply: 'identity.gil.debited' },
    { movement: 'refund', balance: 100, delta: 30, reply: 'identity.gil.refunded' },
  ])(
    "records a purchase's $movement: the saga's reply, then identity.gil.changed",
    ({ movement, balance, delta, reply }) => {
      const user = User.restore(stored(balance));
      if (movement === 'debit') user.gilDebited('p-1', 30);
      else user.gilRefunded('p-1', 30);
      expect(user.pullEvents()).toEqual([
        {
          type: reply,
          payload: { purchaseId: 'p-1', userId: 'u-1', amount: 30, balance },
        },
        {
          type: 'identity.gil.changed',
          payload: { userId: 'u-1', balance, delta },
        },
      ]);
    },
  );
});

describe("User's sessions", () => {
  it('ends every session on a new password, and keeps the new hash', () => {
    const user = User.restore(stored(100));
    user.changePassword('hash-2');
    expect(user.passwordHash).toBe('hash-2');
    expect(user.toState()).toEqual({ ...stored(100), passwordHash: 'hash-2' });
    expect(user.pullEvents()).toEqual([
      {
        type: 'identity.user.sessions_revoked',
        payload: { userId: 'u-1', reason: 'PASSWORD_CHANGED' },
      },
    ]);
  });

  it('ends every session when signing out everywhere, changing nothing else', () => {
    const user = User.restore(stored(100));
    user.signOutEverywhere();
    expect(user.toState()).toEqual(stored(100));
    expect(user.pullEvents()).toEqual([
      {
        type: 'identity.user.sessions_revoked',
        payload: { userId: 'u-1', reason: 'SIGNED_OUT_EVERYWHERE' },
      },
    ]);
  });
});
