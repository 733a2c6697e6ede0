import {
  Conflict,
  InvalidInput,
  requireViewer,
  Unauthenticated,
  type UnitOfWork,
  type Viewer,
} from '@play-economy/chassis/domain';
import type { PasswordHasher } from '../domain/PasswordHasher.ts';
import type { RefreshTokenRepository } from '../domain/RefreshTokenRepository.ts';
import type { UserRepository } from '../domain/UserRepository.ts';
import { validPassword } from '../domain/UserRules.ts';
import type { CheckPassword } from './CheckPassword.ts';
import type { IssueSession, Session } from './IssueSession.ts';

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/**
 * The signed-in user replaces their password. The current one is checked through the sign-in
 * throttle (a wrong one counts as a failed sign-in); then the new hash, the revocation of every
 * refresh token of the user and `identity.user.sessions_revoked` commit together, and a fresh
 * session is returned for the caller.
 */
export class ChangePassword {
  constructor(
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly checkPassword: CheckPassword,
    private readonly issueSession: IssueSession,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(
    viewer: Viewer | null,
    change: PasswordChange,
    clientIp: string | undefined,
  ): Promise<Session> {
    const { userId } = requireViewer(viewer);
    // Checked before any hashing, like registration's rules.
    const newPassword = validPassword(change.newPassword, 'newPassword');
    const user = await this.users.findById(userId);
    if (!user) throw new Unauthenticated('The signed-in account no longer exists');
    const matches = await this.checkPassword.execute({
      user,
      identifier: user.usernameKey,
      password: change.currentPassword,
      clientIp,
    });
    if (!matches) {
      throw new InvalidInput('currentPassword', 'currentPassword is not the account’s password');
    }

    const previousHash = user.passwordHash;
    user.changePassword(await this.hasher.hash(newPassword));
    // Pulled once, outside the transaction, which the store may run again.
    const events = user.pullEvents();
    const now = new Date();
    await this.unitOfWork.run(async (session, record) => {
      if (
        !(await this.users.updatePasswordHash(user.id, previousHash, user.passwordHash, session))
      ) {
        throw new Conflict('The password was changed meanwhile; try again');
      }
      await this.refreshTokens.revokeAllOfUser(user.id, now, session);
      record(...events);
    });
    return this.issueSession.start(user, now);
  }
}
