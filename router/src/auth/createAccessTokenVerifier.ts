import { Role, type Viewer } from '@play-economy/chassis/web';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { InvalidAccessToken } from './InvalidAccessToken.ts';
import { KeySetUnavailable } from './KeySetUnavailable.ts';

/** Signature algorithms an access token may use: asymmetric only, never `none` or HMAC. */
export const ASYMMETRIC_ALGORITHMS = [
  'ES256',
  'ES384',
  'ES512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'EdDSA',
] as const;
export type AccessTokenAlgorithm = (typeof ASYMMETRIC_ALGORITHMS)[number];

export interface AccessTokenVerifierOptions {
  /** The issuer's JSON Web Key Set, e.g. identity's `/.well-known/jwks.json`. */
  jwksUrl: string;
  /** Required `iss` claim. */
  issuer: string;
  /** Required `aud` claim (the token may name other audiences too). */
  audience: string;
  /**
   * Algorithms accepted in the token header; anything else is refused before any key is
   * looked up. Default `['ES256']`.
   */
  algorithms?: readonly AccessTokenAlgorithm[];
  /** Leeway for `exp`, `nbf` and `iat` against this machine's clock, in seconds. Default `30`. */
  clockToleranceSeconds?: number;
  /**
   * Minimum time between two fetches of the key set, in milliseconds. A token whose `kid` is
   * unknown triggers a refetch, so a key identity has just rotated in is picked up; within the
   * cooldown the token waits for it to pass instead of being refused. Default `1000`.
   */
  jwksCooldownMs?: number;
  /** How long a fetched key set is used before it is fetched again, in milliseconds. Default `600000`. */
  jwksMaxAgeMs?: number;
  /** Deadline of one key set fetch, in milliseconds. Default `5000`. */
  jwksTimeoutMs?: number;
}

/**
 * Checks one access token and returns who it speaks for. Rejects with `InvalidAccessToken`
 * when the token must not be trusted, or `KeySetUnavailable` when it cannot be checked now.
 */
export type AccessTokenVerifier = (token: string) => Promise<Viewer>;

/** jose failures that are about the token, not about fetching keys. */
const TOKEN_ERROR_CODES = new Set<string>([
  errors.JWTExpired.code,
  errors.JWTClaimValidationFailed.code,
  errors.JWTInvalid.code,
  errors.JWSInvalid.code,
  errors.JWSSignatureVerificationFailed.code,
  errors.JOSEAlgNotAllowed.code,
  errors.JOSENotSupported.code,
  errors.JWKSNoMatchingKey.code,
  errors.JWKSMultipleMatchingKeys.code,
]);

const ROLES = new Set<string>(Object.values(Role));

/** `typ` values RFC 9068 allows for an access token. */
const ACCESS_TOKEN_TYPES = new Set(['at+jwt', 'application/at+jwt']);

/**
 * Verifies JWT access tokens against a remote JWKS, the way identity issues them: signature
 * with a pinned algorithm, `iss`, `aud`, `exp` and `nbf` (with clock tolerance), the claims
 * `sub`, `roles` (a list of roles), `jti` and `iat`, and `typ: at+jwt` when a type is given.
 * Keys are fetched on first use and cached; see `jwksCooldownMs` for rotation. Shared by the
 * HTTP path (the `Authorization` header) and, later, WebSocket `connection_init`.
 */
export function createAccessTokenVerifier(
  options: AccessTokenVerifierOptions,
): AccessTokenVerifier {
  const { jwksUrl, issuer, audience, algorithms = ['ES256'], clockToleranceSeconds = 30 } = options;
  for (const algorithm of algorithms) {
    // A typed list is not enough: configuration arrives as strings.
    if (!(ASYMMETRIC_ALGORITHMS as readonly string[]).includes(algorithm)) {
      throw new Error(`"${algorithm}" is not an asymmetric JWS algorithm`);
    }
  }
  if (algorithms.length === 0) throw new Error('at least one algorithm must be allowed');

  const cooldownMs = options.jwksCooldownMs ?? 1_000;
  const remoteKeySet = createRemoteJWKSet(new URL(jwksUrl), {
    cooldownDuration: cooldownMs,
    cacheMaxAge: options.jwksMaxAgeMs ?? 600_000,
    timeoutDuration: options.jwksTimeoutMs ?? 5_000,
  });
  // Unknown kids refetch at most once per cooldown (so forged kids cannot hammer identity),
  // but a token signed with a just-rotated key waits out the cooldown rather than failing.
  const keySet: JWTVerifyGetKey = async (header, token) => {
    try {
      return await remoteKeySet(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || !remoteKeySet.coolingDown) throw error;
      await new Promise((resolve) => setTimeout(resolve, cooldownMs));
      return remoteKeySet(header, token);
    }
  };

  return async (token) => {
    let verified: Awaited<ReturnType<typeof jwtVerify>>;
    try {
      verified = await jwtVerify(token, keySet, {
        algorithms: [...algorithms],
        issuer,
        audience,
        clockTolerance: clockToleranceSeconds,
        requiredClaims: ['sub', 'jti', 'iat', 'exp'],
      });
    } catch (error) {
      if (error instanceof errors.JOSEError && TOKEN_ERROR_CODES.has(error.code)) {
        throw new InvalidAccessToken(
          error instanceof errors.JWTExpired
            ? 'The access token has expired'
            : 'The access token is invalid',
          error.message,
          { cause: error },
        );
      }
      // Network failures, timeouts, non-200 answers and malformed key sets.
      throw new KeySetUnavailable(jwksUrl, { cause: error });
    }

    const { payload, protectedHeader } = verified;
    const invalid = (reason: string) =>
      new InvalidAccessToken('The access token is invalid', reason);
    if (
      protectedHeader.typ !== undefined &&
      !ACCESS_TOKEN_TYPES.has(protectedHeader.typ.toLowerCase())
    ) {
      throw invalid(`unexpected "typ" header: ${protectedHeader.typ}`);
    }
    const { sub, jti, iat } = payload;
    if (typeof sub !== 'string' || sub === '') throw invalid('"sub" is not a non-empty string');
    if (typeof jti !== 'string' || jti === '') throw invalid('"jti" is not a non-empty string');
    if (iat === undefined || iat > Date.now() / 1000 + clockToleranceSeconds) {
      throw invalid('"iat" is in the future');
    }
    const roles: unknown = payload['roles'];
    if (!Array.isArray(roles) || !roles.every((role) => ROLES.has(role))) {
      throw invalid('"roles" is not a list of roles');
    }
    return { userId: sub, roles: [...new Set(roles as Role[])] };
  };
}
