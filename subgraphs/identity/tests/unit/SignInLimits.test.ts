import { describe, expect, it } from 'vitest';
import {
  accountAddressKey,
  accountKey,
  addressKey,
  lockoutSeconds,
  oneAddressCanExhaustAccount,
  retryAfterSecondsOf,
} from '../../src/domain/SignInLimits.ts';

describe('sign-in limits', () => {
  it('doubles the lockout with each one, up to the maximum', () => {
    const limits = { firstLockoutSeconds: 60, maxLockoutSeconds: 3600 };
    expect([1, 2, 3, 4, 5, 6, 7, 8, 100].map((count) => lockoutSeconds(count, limits))).toEqual([
      60, 120, 240, 480, 960, 1920, 3600, 3600, 3600,
    ]);
  });

  it('tells clients to wait whole seconds, at least one', () => {
    expect(retryAfterSecondsOf(0)).toBe(1);
    expect(retryAfterSecondsOf(1)).toBe(1);
    expect(retryAfterSecondsOf(59_001)).toBe(60);
  });

  it('knows when one address could use up an account’s budget on its own', () => {
    expect(oneAddressCanExhaustAccount({ perAddress: 20, perAccount: 100 })).toBe(false);
    expect(oneAddressCanExhaustAccount({ perAddress: 20, perAccount: 40 })).toBe(true);
    expect(oneAddressCanExhaustAccount({ perAddress: 20, perAccount: 5 })).toBe(true);
  });

  it('counts an existing account under its id however it was named', () => {
    expect(accountKey('u-1', 'cloud')).toBe(accountKey('u-1', 'cloud@example.com'));
    expect(accountKey(undefined, 'nobody')).not.toBe(accountKey(undefined, 'somebody'));
  });

  it('keys one account from one address apart from the same account elsewhere', () => {
    const account = accountKey('u-1', 'cloud');
    expect(accountAddressKey(account, '203.0.113.1')).not.toBe(
      accountAddressKey(account, '203.0.113.2'),
    );
    expect(accountAddressKey(account, undefined)).toBe('user:u-1|unknown');
  });

  it('counts an IPv4-mapped address as IPv4, and IPv6 addresses by their /64', () => {
    expect(addressKey('::ffff:203.0.113.9')).toBe(addressKey('203.0.113.9'));
    expect(addressKey('2001:db8:1:2::1')).toBe(addressKey('2001:0db8:0001:0002:ffff:1:2:3'));
    expect(addressKey('2001:db8:1:2::1')).toBe('ip:2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('::1')).toBe('ip:0:0:0:0::/64');
  });
});
