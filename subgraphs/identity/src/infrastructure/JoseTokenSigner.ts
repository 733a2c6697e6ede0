import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type JWK,
  type KeyLike,
} from 'jose';
import type { Jwk, SigningKey } from '../domain/SigningKey.ts';
import type { AccessTokenClaims, TokenSigner } from '../domain/TokenSigner.ts';

/** The one algorithm: ECDSA P-256 with SHA-256. Verifiers pin it. */
export const ACCESS_TOKEN_ALGORITHM = 'ES256';

/** Access tokens as JWTs signed with ES256 through `jose`. */
export class JoseTokenSigner implements TokenSigner {
  /** Imported private keys by kid: importing is slower than signing. */
  readonly #imported = new Map<string, Promise<KeyLike | Uint8Array>>();

  async createKeyPair(): Promise<{ kid: string; privateJwk: Jwk; publicJwk: Jwk }> {
    const { privateKey, publicKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, {
      extractable: true,
    });
    const publicJwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    const described = { kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' };
    return {
      kid,
      privateJwk: { ...(await exportJWK(privateKey)), ...described },
      publicJwk: { ...publicJwk, ...described },
    };
  }

  async sign(claims: AccessTokenClaims, key: SigningKey): Promise<string> {
    const { sub, roles, iss, aud, iat, exp, jti } = claims;
    return new SignJWT({ roles: [...roles] })
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid: key.kid, typ: 'at+jwt' })
      .setSubject(sub)
      .setIssuer(iss)
      .setAudience(aud)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .setJti(jti)
      .sign(await this.#privateKeyOf(key));
  }

  #privateKeyOf(key: SigningKey): Promise<KeyLike | Uint8Array> {
    let imported = this.#imported.get(key.kid);
    if (imported === undefined) {
      imported = importJWK(ecPrivateJwk(key.privateJwk), ACCESS_TOKEN_ALGORITHM);
      this.#imported.set(key.kid, imported);
      imported.catch(() => this.#imported.delete(key.kid));
    }
    return imported;
  }
}

/** The members of a stored EC private key that `importJWK` needs, checked on the way. */
function ecPrivateJwk(stored: Jwk): JWK {
  const { kty, crv, x, y, d } = stored;
  if (
    kty !== 'EC' ||
    typeof crv !== 'string' ||
    typeof x !== 'string' ||
    typeof y !== 'string' ||
    typeof d !== 'string'
  ) {
    throw new Error('a stored signing key is not an EC private JWK');
  }
  return { kty, crv, x, y, d };
}
