import { hashRefreshToken } from '../domain/RefreshToken.ts';
import type { RefreshTokenRepository } from '../domain/RefreshTokenRepository.ts';

/**
 * Ends one session: revokes the family of the refresh token given (whether that token is the
 * newest of its family or an older one), so neither it nor any token of the same sign-in works
 * again. Holding the token is the proof; no access token is needed.
 */
export class SignOut {
  constructor(private readonly refreshTokens: RefreshTokenRepository) {}

  /** True when the token belonged to a session, now ended; false for an unknown token. */
  async execute(refreshToken: string): Promise<boolean> {
    const record = await this.refreshTokens.find(hashRefreshToken(refreshToken));
    if (!record) return false;
    await this.refreshTokens.revokeFamily(record.familyId, new Date());
    return true;
  }
}
