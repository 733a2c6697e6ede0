import { randomBytes } from 'node:crypto';
import type { PasswordHasher } from '../domain/PasswordHasher.ts';
import { accountKey } from '../domain/SignInLimits.ts';
import type { User } from '../domain/User.ts';
import { isPlausiblePassword } from '../domain/UserRules.ts';
import type { SignInThrottle } from './SignInThrottle.ts';

/** A password to check for an account, or for an identifier no account has. */
export interface PasswordAttempt {
  /** The account, or null when the identifier names none. */
  user: User | null;
  /** The lower-cased username or email that was given (keys attempts on unknown accounts). */
  identifier: string;
  password: string;
  /** Where the attempt comes from, as the router attests it. */
  clientIp: string | undefined;
}

/**
 * Checks a password through the sign-in throttle: the attempt is reserved before hashing
 * (RATE_LIMITED without any hashing when a budget is used up) and its outcome recorded after.
 * Unknown accounts cost the same hashing work as wrong passwords, so neither the answer nor its
 * timing tells whether an account exists.
 */
export class CheckPassword {
  /** A hash to check against when there is no account, to spend the same time. */
  readonly #decoyHash: Promise<string>;

  constructor(
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottle,
  ) {
    // Made up front, so that the first unknown account costs no more than the next ones.
    this.#decoyHash = hasher.hash(randomBytes(32).toString('base64url'));
    // Awaited on use; a failure surfaces there, not as an unhandled rejection.
    this.#decoyHash.catch(() => {});
  }

  /** Whether the password is the account's; false for an unknown account. */
  async execute(attempt: PasswordAttempt): Promise<boolean> {
    const { user, identifier, password, clientIp } = attempt;
    const reserved = await this.throttle.reserve(accountKey(user?.id, identifier), clientIp);
    let matches: boolean;
    try {
      matches = await this.#passwordMatches(user, password);
    } catch (error) {
      // Counted as a failure: an error must not hand out free attempts.
      await reserved.failed();
      throw error;
    }
    await (matches ? reserved.succeeded() : reserved.failed());
    return matches;
  }

  async #passwordMatches(user: User | null, password: string): Promise<boolean> {
    // A password no account could have is checked (and fails) like any other.
    const plausible = isPlausiblePassword(password);
    const candidate = plausible ? password : '';
    if (user === null) {
      await this.hasher.verify(candidate, await this.#decoyHash);
      return false;
    }
    const matches = await this.hasher.verify(candidate, user.passwordHash);
    return matches && plausible;
  }
}
