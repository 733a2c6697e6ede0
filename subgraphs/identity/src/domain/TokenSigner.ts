import type { Role } from '@play-economy/chassis/domain';
import type { Jwk, SigningKey } from './SigningKey.ts';

/** What an access token says (RFC 9068 profile: header `typ: at+jwt`, `kid`). */
export interface AccessTokenClaims {
  /** The user id. */
  sub: string;
  roles: readonly Role[];
  iss: string;
  aud: string;
  /** Seconds since the epoch. */
  iat: number;
  exp: number;
  /** Unique token id. */
  jti: string;
}

/** Makes signing key pairs and signs access tokens with them. */
export interface TokenSigner {
  createKeyPair(): Promise<{ kid: string; privateJwk: Jwk; publicJwk: Jwk }>;
  sign(claims: AccessTokenClaims, key: SigningKey): Promise<string>;
}
