import { randomUUID } from 'node:crypto';
import { issueRefreshToken, startFamily, type RefreshTokenFamily } from '../domain/RefreshToken.ts';
import type { RefreshTokenRepository } from '../domain/RefreshTokenRepository.ts';
import { activeKeyOf } from '../domain/SigningKey.ts';
import type { SigningKeyRepository } from '../domain/SigningKeyRepository.ts';
import type { TokenSigner } from '../domain/TokenSigner.ts';
import type { User } from '../domain/User.ts';
import { UserView } from '../domain/UserView.ts';
import type { RotateSigningKey } from './RotateSigningKey.ts';

/** A signed-in session, as `register`, `login` and `refreshToken` return it. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  /** The user, as they see themself: they just proved who they are. */
  user: UserView;
}

export interface SessionSettings {
  /** `iss` of access tokens. */
  issuer: string;
  /** `aud` of access tokens. */
  audience: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
}

/** Issues the tokens of a session: a signed access token and the next refresh token. */
export class IssueSession {
  constructor(
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly signingKeys: SigningKeyRepository,
    private readonly rotateSigningKey: RotateSigningKey,
    private readonly signer: TokenSigner,
    private readonly settings: SessionSettings,
  ) {}

  /** A new session (and refresh-token family) for a user who just proved who they are. */
  async start(user: User, now = new Date()): Promise<Session> {
    const family = startFamily(user.id, now);
    await this.refreshTokens.insertFamily(family);
    return this.continue(user, family, now);
  }

  /** The next tokens of an existing family, after its previous refresh token was used. */
  async continue(
    user: User,
    family: Pick<RefreshTokenFamily, 'id' | 'userId'>,
    now = new Date(),
  ): Promise<Session> {
    const { token, record } = issueRefreshToken(
      family,
      now,
      this.settings.refreshTokenTtlDays * 24 * 60 * 60 * 1000,
    );
    await this.refreshTokens.insert(record);
    return {
      accessToken: await this.#accessToken(user, now),
      refreshToken: token,
      expiresIn: this.settings.accessTokenTtlSeconds,
      user: UserView.self(user),
    };
  }

  async #accessToken(user: User, now: Date): Promise<string> {
    // Read every time: another replica may have rotated the key since.
    const key =
      activeKeyOf(await this.signingKeys.all()) ?? (await this.rotateSigningKey.ensureActive(now));
    const iat = Math.floor(now.getTime() / 1000);
    return this.signer.sign(
      {
        sub: user.id,
        roles: user.roles,
        iss: this.settings.issuer,
        aud: this.settings.audience,
        iat,
        exp: iat + this.settings.accessTokenTtlSeconds,
        jti: randomUUID(),
      },
      key,
    );
  }
}
