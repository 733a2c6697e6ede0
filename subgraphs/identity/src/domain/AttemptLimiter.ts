/**
 * A budget of attempts per key over a fixed window, kept where every replica of identity sees
 * it. Taking an attempt is one atomic step, so concurrent requests can never take more than the
 * budget between them.
 */
export interface AttemptLimiter {
  /** Takes one attempt from `key`'s budget, or says how long until there is one again. */
  take(key: string): Promise<TakenAttempt>;
  /** How many attempts `key` has taken in its current window; 0 when it has none. */
  used(key: string): Promise<number>;
  /** Refuses every attempt on `key` for `seconds`, from now, whatever it had left. */
  block(key: string, seconds: number): Promise<void>;
  /** Forgets `key`: its next attempt starts a fresh window. */
  reset(key: string): Promise<void>;
}

export type TakenAttempt =
  | {
      allowed: true;
      /** Attempts taken in this window, this one included. */
      used: number;
      /**
       * Returns the attempt to the budget, if its window is still running (a window that ended
       * has nothing to return it to).
       */
      giveBack(): Promise<void>;
    }
  | {
      allowed: false;
      /** Milliseconds until the key may try again. */
      retryAfterMs: number;
    };

/** The size of a budget: `points` attempts per window of `durationSeconds`. */
export interface AttemptBudget {
  points: number;
  durationSeconds: number;
}

/** Makes the limiter called `name` (its keys never mix with another limiter's). */
export type AttemptLimiterFactory = (
  name: string,
  budget: AttemptBudget,
) => Promise<AttemptLimiter>;
