import { ErrorCode, type Logger, type Viewer } from '@play-economy/chassis/web';
import { bearerTokenOf } from './bearerTokenOf.ts';
import type { AccessTokenVerifier } from './createAccessTokenVerifier.ts';
import { InvalidAccessToken } from './InvalidAccessToken.ts';
import { KeySetUnavailable } from './KeySetUnavailable.ts';

/** What clients read when the key set cannot be fetched. */
export const KEY_SET_UNAVAILABLE_MESSAGE =
  'Access tokens cannot be verified right now; try again later.';

/** Why a request is not served, as HTTP tells it. */
export interface AuthenticationRefusal {
  status: 401 | 503;
  headers: Record<string, string>;
  message: string;
  code: ErrorCode;
}

/**
 * Authenticates a caller from an `Authorization` value, the same for every transport. None:
 * anonymous. A valid bearer token: its viewer. Anything else is refused, so it never runs as
 * anonymous: 401 `UNAUTHENTICATED` with a `WWW-Authenticate: Bearer` challenge (RFC 6750) for
 * a bad credential, 503 when the key set needed to check the token cannot be fetched.
 */
export async function authenticateBearer(
  verify: AccessTokenVerifier | undefined,
  authorization: string | undefined,
  { logger, requestId }: { logger: Logger; requestId: string },
): Promise<{ viewer: Viewer | null } | { refusal: AuthenticationRefusal }> {
  try {
    const token = bearerTokenOf(authorization);
    if (token === undefined) return { viewer: null };
    if (!verify) {
      throw new InvalidAccessToken(
        'This endpoint does not accept access tokens',
        'no token verification configured',
      );
    }
    return { viewer: await verify(token) };
  } catch (error) {
    if (error instanceof InvalidAccessToken) {
      logger.info({ reason: error.reason, requestId }, 'access token refused');
      return {
        refusal: {
          status: 401,
          headers: { 'www-authenticate': `Bearer error="${error.bearerError}"` },
          message: error.message,
          code: ErrorCode.Unauthenticated,
        },
      };
    }
    if (error instanceof KeySetUnavailable) {
      logger.warn({ err: error, requestId }, 'cannot verify access tokens: key set unavailable');
      return {
        refusal: {
          status: 503,
          headers: {},
          message: KEY_SET_UNAVAILABLE_MESSAGE,
          code: ErrorCode.InternalServerError,
        },
      };
    }
    throw error;
  }
}
