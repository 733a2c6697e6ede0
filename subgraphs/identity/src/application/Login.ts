import { randomBytes } from 'node:crypto';
import { RateLimited, Unauthenticated } from '@play-economy/chassis';
import {
  accountKey,
  addressKey,
  strictest,
  throttleDecision,
  type ThrottleLimit,
} from '../domain/LoginThrottle.ts';
import type { LoginFailureRepository } from '../domain/LoginFailureRepository.ts';
import type { PasswordHasher } from '../domain/PasswordHasher.ts';
import type { User } from '../domain/User.ts';
import type { UserRepository } from '../domain/UserRepository.ts';
import { isPlausiblePassword } from '../domain/UserRules.ts';
import type { IssueSession, Session } from './IssueSession.ts';

export interface Credentials {
  /** A username or an email address. */
  usernameOrEmail: string;
  password: string;
}

export interface LoginSettings {
  /** Failed sign-ins allowed per account in a window. */
  perAccount: ThrottleLimit;
  /** Failed sign-ins allowed per client address in a window. */
  perAddress: ThrottleLimit;
}

/** The one answer to bad credentials: it must not tell which part was wrong. */
export const INVALID_CREDENTIALS = 'Invalid username, email or password';

/**
 * Signs a user in with a username or email and a password. Unknown accounts cost the same
 * hashing work as wrong passwords and get the same answer, so neither the message nor the
 * timing tells whether an account exists. Repeated failures for one account or from one
 * address are throttled (RATE_LIMITED) for every replica, as failures are kept in the store.
 */
export class Login {
  /** A hash to check against when there is no account, to spend the same time. */
  readonly #decoyHash: Promise<string>;

  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly failures: LoginFailureRepository,
    private readonly issueSession: IssueSession,
    private readonly settings: LoginSettings,
  ) {
    // Made up front, so that the first unknown account costs no more than the next ones.
    this.#decoyHash = hasher.hash(randomBytes(32).toString('base64url'));
    // Awaited on use; a failure surfaces there, not as an unhandled rejection.
    this.#decoyHash.catch(() => {});
  }

  async execute(credentials: Credentials, clientIp: string | undefined): Promise<Session> {
    const now = new Date();
    const identifier = credentials.usernameOrEmail.trim().toLowerCase();
    // Usernames cannot contain @, so the identifier says which it is.
    const user = identifier.includes('@')
      ? await this.users.findByEmail(identifier)
      : await this.users.findByUsername(identifier);

    const throttles = [
      { key: accountKey(user?.id, identifier), limit: this.settings.perAccount },
      ...(clientIp ? [{ key: addressKey(clientIp), limit: this.settings.perAddress }] : []),
    ];
    const decision = strictest(
      await Promise.all(
        throttles.map(async ({ key, limit }) =>
          throttleDecision(await this.failures.recentFailures(key), limit, now),
        ),
      ),
    );
    if (decision.limited) {
      throw new RateLimited(
        `Too many failed sign-in attempts; try again in ${decision.retryAfterSeconds} seconds`,
        { retryAfterSeconds: decision.retryAfterSeconds },
      );
    }

    if (!(await this.#passwordMatches(user, credentials.password))) {
      await Promise.all(
        throttles.map(({ key, limit }) =>
          this.failures.recordFailure(
            key,
            now,
            limit.maxFailures,
            new Date(now.getTime() + limit.windowMs),
          ),
        ),
      );
      throw new Unauthenticated(INVALID_CREDENTIALS);
    }
    const account = user!;
    await this.failures.clear(throttles[0]!.key);
    if (this.hasher.needsRehash(account.passwordHash)) {
      // Parameters were raised since this hash was made: upgrade it while the password is known.
      const upgraded = await this.hasher.hash(credentials.password);
      await this.users.updatePasswordHash(account.id, account.passwordHash, upgraded);
    }
    return this.issueSession.start(account, now);
  }

  /** Deletes throttle records whose failures have all left their window. */
  purgeExpiredFailures(now = new Date()): Promise<number> {
    return this.failures.purgeExpired(now);
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
