import { Unauthenticated } from '@play-economy/chassis/domain';
import { assessRefreshToken, hashRefreshToken } from '../domain/RefreshToken.ts';
import type { RefreshTokenRepository } from '../domain/RefreshTokenRepository.ts';
import type { UserRepository } from '../domain/UserRepository.ts';
import type { IssueSession, Session } from './IssueSession.ts';

/** The one answer to any unusable refresh token. */
export const INVALID_REFRESH_TOKEN =
  'The refresh token is invalid, expired or was already used; sign in again';

/** Told when a used refresh token comes back: someone else may hold the family. */
export type ReuseListener = (detected: { familyId: string; userId: string }) => void;

/**
 * Exchanges a refresh token for the next session of its family. Each token works once: the
 * store marks it used in one conditional update, so of two concurrent uses only one succeeds.
 * A used token presented again revokes its whole family, including the tokens issued since.
 */
export class RefreshSession {
  constructor(
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly users: UserRepository,
    private readonly issueSession: IssueSession,
    private readonly onReuse: ReuseListener = () => {},
  ) {}

  async execute(refreshToken: string): Promise<Session> {
    const now = new Date();
    const hash = hashRefreshToken(refreshToken);
    const consumed = await this.refreshTokens.consume(hash, now);
    if (consumed) {
      // Checked after consuming: a revocation racing with this use still wins.
      const family = await this.refreshTokens.findFamily(consumed.familyId);
      const user = await this.users.findById(consumed.userId);
      if (assessRefreshToken(consumed, family, now) !== 'valid' || !family || !user) {
        throw new Unauthenticated(INVALID_REFRESH_TOKEN);
      }
      return this.issueSession.continue(user, family, now);
    }

    const record = await this.refreshTokens.find(hash);
    const family = record ? await this.refreshTokens.findFamily(record.familyId) : null;
    if (record && assessRefreshToken(record, family, now) === 'reused') {
      await this.refreshTokens.revokeFamily(record.familyId, now);
      this.onReuse({ familyId: record.familyId, userId: record.userId });
    }
    throw new Unauthenticated(INVALID_REFRESH_TOKEN);
  }
}
