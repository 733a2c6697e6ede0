import { Unauthenticated } from '@play-economy/chassis/domain';
import type { PasswordHasher } from '../domain/PasswordHasher.ts';
import type { UserRepository } from '../domain/UserRepository.ts';
import type { CheckPassword } from './CheckPassword.ts';
import type { IssueSession, Session } from './IssueSession.ts';

export interface Credentials {
  /** A username or an email address. */
  usernameOrEmail: string;
  password: string;
}

/** The one answer to bad credentials: it must not tell which part was wrong. */
export const INVALID_CREDENTIALS = 'Invalid username, email or password';

/**
 * Signs a user in with a username or email and a password. Wrong passwords and unknown accounts
 * get the same answer for the same work; attempts are limited per account and address, per
 * address and per account (see `SignInThrottle`), for every replica.
 */
export class Login {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly checkPassword: CheckPassword,
    private readonly issueSession: IssueSession,
  ) {}

  async execute(credentials: Credentials, clientIp: string | undefined): Promise<Session> {
    const identifier = credentials.usernameOrEmail.trim().toLowerCase();
    // Usernames cannot contain @, so the identifier says which it is.
    const user = identifier.includes('@')
      ? await this.users.findByEmail(identifier)
      : await this.users.findByUsername(identifier);
    const { password } = credentials;
    if (!(await this.checkPassword.execute({ user, identifier, password, clientIp })) || !user) {
      throw new Unauthenticated(INVALID_CREDENTIALS);
    }
    if (this.hasher.needsRehash(user.passwordHash)) {
      // Parameters were raised since this hash was made: upgrade it while the password is known.
      const upgraded = await this.hasher.hash(password);
      await this.users.updatePasswordHash(user.id, user.passwordHash, upgraded);
    }
    return this.issueSession.start(user);
  }
}
