import { describe, expect, it } from 'vitest';
import {
  accountKey,
  strictest,
  throttleDecision,
  type ThrottleLimit,
} from '../../src/domain/LoginThrottle.ts';

const limit: ThrottleLimit = { maxFailures: 5, windowMs: 15 * 60 * 1000 };
const now = new Date('2026-01-01T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60 * 1000);

describe('login throttle', () => {
  it('allows attempts below the limit', () => {
    expect(throttleDecision([], limit, now)).toEqual({ limited: false });
    expect(throttleDecision([1, 2, 3, 4].map(minutesAgo), limit, now)).toEqual({
      limited: false,
    });
  });

  it('refuses at the limit until the oldest failure leaves the window', () => {
    const failures = [10, 8, 6, 4, 2].map(minutesAgo);
    // The failure 10 minutes ago leaves the 15-minute window in 5 minutes.
    expect(throttleDecision(failures, limit, now)).toEqual({
      limited: true,
      retryAfterSeconds: 300,
    });
  });

  it('ignores failures outside the window', () => {
    const failures = [20, 16, 3, 2, 1].map(minutesAgo);
    expect(throttleDecision(failures, limit, now)).toEqual({ limited: false });
  });

  it('waits at least one second', () => {
    const failures = [Date.now()].map(() => new Date(now.getTime() - limit.windowMs + 1));
    expect(throttleDecision(failures, { ...limit, maxFailures: 1 }, now)).toEqual({
      limited: true,
      retryAfterSeconds: 1,
    });
  });

  it('takes the stricter of the account and address limits', () => {
    expect(
      strictest([
        { limited: true, retryAfterSeconds: 30 },
        { limited: false },
        { limited: true, retryAfterSeconds: 90 },
      ]),
    ).toEqual({ limited: true, retryAfterSeconds: 90 });
    expect(strictest([{ limited: false }, { limited: false }])).toEqual({ limited: false });
  });

  it('counts an existing account under its id however it was named', () => {
    expect(accountKey('u-1', 'cloud')).toBe(accountKey('u-1', 'cloud@example.com'));
    expect(accountKey(undefined, 'nobody')).not.toBe(accountKey(undefined, 'somebody'));
  });
});
