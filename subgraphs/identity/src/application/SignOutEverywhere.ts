import { requireViewer, type UnitOfWork, type Viewer } from '@play-economy/chassis/domain';
import { UserSessionsRevoked } from '../domain/IdentityEvents.ts';
import type { RefreshTokenRepository } from '../domain/RefreshTokenRepository.ts';

/**
 * Ends every session of the signed-in user: all their refresh tokens are revoked and
 * `identity.user.sessions_revoked` is published, in one transaction. Access tokens already
 * issued stay valid until they expire.
 */
export class SignOutEverywhere {
  constructor(
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(viewer: Viewer | null): Promise<true> {
    const { userId } = requireViewer(viewer);
    const now = new Date();
    await this.unitOfWork.run(async (session, record) => {
      await this.refreshTokens.revokeAllOfUser(userId, now, session);
      record(UserSessionsRevoked.of({ userId, reason: 'SIGNED_OUT_EVERYWHERE' }));
    });
    return true;
  }
}
