import {
  requireViewer,
  Unauthenticated,
  type UnitOfWork,
  type Viewer,
} from '@play-economy/chassis/domain';
import type { RefreshTokenRepository } from '../domain/RefreshTokenRepository.ts';
import type { UserRepository } from '../domain/UserRepository.ts';

/**
 * Ends every session of the signed-in user: all their refresh tokens are revoked and
 * `identity.user.sessions_revoked` is published, in one transaction. Access tokens already
 * issued stay valid until they expire. A viewer whose account no longer exists is
 * UNAUTHENTICATED, as for `ChangePassword`.
 */
export class SignOutEverywhere {
  constructor(
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(viewer: Viewer | null): Promise<true> {
    const { userId } = requireViewer(viewer);
    const user = await this.users.findById(userId);
    if (!user) throw new Unauthenticated('The signed-in account no longer exists');
    user.signOutEverywhere();
    // Pulled once, outside the transaction, which the store may run again.
    const events = user.pullEvents();
    const now = new Date();
    await this.unitOfWork.run(async (session, record) => {
      await this.refreshTokens.revokeAllOfUser(user.id, now, session);
      record(...events);
    });
    return true;
  }
}
