import type { ServiceMetrics } from '@play-economy/chassis';
import type { PasswordHasher } from '../domain/PasswordHasher.ts';

/**
 * `hasher`, counting every password it checks in `password_checks_total` (by `outcome`:
 * `match` or `mismatch`) on `/metrics`. Each check is a full scrypt run, so the counter shows
 * what sign-in attempts cost, and how many the throttle let through.
 */
export function countPasswordChecks(
  hasher: PasswordHasher,
  metrics: ServiceMetrics,
): PasswordHasher {
  const checks = metrics.counter(
    'password_checks_total',
    'Passwords checked against a stored hash (each one a full hash computation), by outcome',
    ['outcome'],
  );
  return {
    hash: (password) => hasher.hash(password),
    async verify(password, hash) {
      const matches = await hasher.verify(password, hash);
      checks.inc({ outcome: matches ? 'match' : 'mismatch' });
      return matches;
    },
    needsRehash: (hash) => hasher.needsRehash(hash),
  };
}
