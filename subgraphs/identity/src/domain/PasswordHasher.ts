/**
 * Turns passwords into slow, salted, self-describing hashes and checks passwords against them.
 * A hash names its algorithm and parameters, so the parameters can be raised later without
 * invalidating existing hashes.
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** True when `password` matches `hash`; false (never a throw) for a malformed hash. */
  verify(password: string, hash: string): Promise<boolean>;
  /** Whether `hash` was made with weaker parameters than this hasher uses now. */
  needsRehash(hash: string): boolean;
}
