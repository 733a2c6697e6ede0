/**
 * Login throttling: failed sign-ins are counted per account and per client address over a
 * sliding window. Once a key has `maxFailures` failures inside the window, sign-ins for it are
 * refused until the oldest of them leaves the window, even with the right password.
 */

export interface ThrottleLimit {
  /** Failures allowed inside the window before sign-ins are refused. */
  maxFailures: number;
  windowMs: number;
}

export type ThrottleDecision = { limited: false } | { limited: true; retryAfterSeconds: number };

/**
 * Decides from the most recent failures of one key (at most `maxFailures` are kept, oldest
 * first) whether another attempt may be made at `now`.
 */
export function throttleDecision(
  recentFailures: readonly Date[],
  limit: ThrottleLimit,
  now: Date,
): ThrottleDecision {
  const inWindow = recentFailures
    .map((failure) => failure.getTime())
    .filter((time) => time > now.getTime() - limit.windowMs)
    .sort((a, b) => a - b);
  if (inWindow.length < limit.maxFailures) return { limited: false };
  // The attempt is allowed again once enough failures have aged out of the window.
  const freeing = inWindow[inWindow.length - limit.maxFailures]!;
  const retryAfterMs = freeing + limit.windowMs - now.getTime();
  return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}

/** The stricter of several decisions: limited if any is, for the longest wait. */
export function strictest(decisions: readonly ThrottleDecision[]): ThrottleDecision {
  let wait = 0;
  for (const decision of decisions) {
    if (decision.limited) wait = Math.max(wait, decision.retryAfterSeconds);
  }
  return wait > 0 ? { limited: true, retryAfterSeconds: wait } : { limited: false };
}

/** Longest identifier kept in a key: no username or email is longer. */
const IDENTIFIER_KEY_LENGTH = 256;

/** Throttle key of an account (an existing user) or of an identifier no account has. */
export function accountKey(userId: string | undefined, identifier: string): string {
  return userId === undefined
    ? `login:${identifier.slice(0, IDENTIFIER_KEY_LENGTH)}`
    : `user:${userId}`;
}

export function addressKey(clientIp: string): string {
  return `ip:${clientIp}`;
}
