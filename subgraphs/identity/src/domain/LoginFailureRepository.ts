/** Where failures are kept: shared by every replica, so the limits hold across them. */
export interface LoginFailureRepository {
  /** The most recent failures of `key`, oldest first (at most `keep`, see `recordFailure`). */
  recentFailures(key: string): Promise<Date[]>;
  /** Appends a failure, keeping only the `keep` most recent. */
  recordFailure(key: string, at: Date, keep: number, expiresAt: Date): Promise<void>;
  /** Forgets every failure of `key`. */
  clear(key: string): Promise<void>;
  /** Deletes the records whose failures have all left their window; returns how many. */
  purgeExpired(now: Date): Promise<number>;
}
