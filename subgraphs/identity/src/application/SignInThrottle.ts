import { RateLimited } from '@play-economy/chassis/domain';
import type { AttemptLimiter, TakenAttempt } from '../domain/AttemptLimiter.ts';
import {
  accountAddressKey,
  addressKey,
  lockoutSeconds,
  retryAfterSecondsOf,
  type SignInLimits,
} from '../domain/SignInLimits.ts';

/** The limiters behind the sign-in budgets (see `SignInLimits`). */
export interface SignInLimiters {
  /** Consecutive failures of one account from one address. */
  perAccountAndAddress: AttemptLimiter;
  /** How many lockouts an account-and-address key has had: they grow with each. */
  lockouts: AttemptLimiter;
  perAddress: AttemptLimiter;
  perAccount: AttemptLimiter;
}

/** A password check that has its place in every budget; say how it went. */
export interface SignInAttempt {
  /** The password was right: forgets the failures of this account from this address. */
  succeeded(): Promise<void>;
  /** The password was wrong: the attempt stays counted, and may start or extend a lockout. */
  failed(): Promise<void>;
}

/**
 * Limits password checks. An attempt is reserved in every budget before the (slow) check, in
 * one atomic step per budget, so concurrent attempts never get more checks than a budget
 * allows; refused attempts cost no hashing at all.
 */
export class SignInThrottle {
  constructor(
    private readonly limiters: SignInLimiters,
    private readonly limits: SignInLimits,
  ) {}

  /**
   * Reserves one attempt on `account` (see `accountKey`) from `clientIp`; RATE_LIMITED, with
   * `retryAfterSeconds`, when a budget has none left.
   */
  async reserve(account: string, clientIp: string | undefined): Promise<SignInAttempt> {
    const { perAccountAndAddress, lockouts, perAddress, perAccount } = this.limiters;
    const pairKey = accountAddressKey(account, clientIp);
    const budgets: (readonly [AttemptLimiter, string])[] = [
      [perAccountAndAddress, pairKey],
      ...(clientIp === undefined ? [] : [[perAddress, addressKey(clientIp)] as const]),
      [perAccount, account],
    ];
    const taken: Extract<TakenAttempt, { allowed: true }>[] = [];
    for (const [limiter, key] of budgets) {
      const attempt = await limiter.take(key);
      if (!attempt.allowed) {
        // This attempt is refused: what it took from the earlier budgets goes back.
        await Promise.all(taken.map((earlier) => earlier.giveBack()));
        throw tooManyFailures(attempt.retryAfterMs);
      }
      taken.push(attempt);
    }
    const [pair, ...others] = taken;
    return {
      succeeded: async () => {
        await Promise.all([
          perAccountAndAddress.reset(pairKey),
          lockouts.reset(pairKey),
          ...others.map((attempt) => attempt.giveBack()),
        ]);
      },
      failed: async () => {
        const exhausted = pair!.used >= this.limits.perAccountAndAddress;
        if (!exhausted && (await lockouts.used(pairKey)) === 0) return;
        // Out of attempts, or already locked out before: lock out again, for longer.
        const lockout = await lockouts.take(pairKey);
        const count = lockout.allowed ? lockout.used : Number.MAX_SAFE_INTEGER;
        await perAccountAndAddress.block(pairKey, lockoutSeconds(count, this.limits));
      },
    };
  }
}

function tooManyFailures(retryAfterMs: number): RateLimited {
  const retryAfterSeconds = retryAfterSecondsOf(retryAfterMs);
  return new RateLimited(
    `Too many failed sign-in attempts; try again in ${retryAfterSeconds} seconds`,
    { retryAfterSeconds },
  );
}
