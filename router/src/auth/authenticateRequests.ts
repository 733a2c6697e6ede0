import { ErrorCode, type Logger, type Viewer } from '@play-economy/chassis/web';
import type { RequestHandler, Response } from 'express';
import { bearerTokenOf } from './bearerTokenOf.ts';
import type { AccessTokenVerifier } from './createAccessTokenVerifier.ts';
import { InvalidAccessToken } from './InvalidAccessToken.ts';
import { KeySetUnavailable } from './KeySetUnavailable.ts';

export interface AuthenticateRequestsOptions {
  /** Checks bearer tokens; without one, any `Authorization` header is refused. */
  verify: AccessTokenVerifier | undefined;
  logger: Logger;
}

/** What clients read when the key set cannot be fetched. */
export const KEY_SET_UNAVAILABLE_MESSAGE =
  'Access tokens cannot be verified right now; try again later.';

/** The verified caller of a request that went through `authenticateRequests`; null: anonymous. */
export function viewerOf(res: Response): Viewer | null {
  return (res.locals['viewer'] as Viewer | null | undefined) ?? null;
}

/**
 * Authenticates each request before GraphQL sees it. No `Authorization` header: anonymous. A
 * valid bearer token: its viewer, read back with `viewerOf`. Anything else ends the request
 * here, so it never reaches a subgraph and never runs as anonymous: 401 `UNAUTHENTICATED` with
 * a `WWW-Authenticate: Bearer` challenge (RFC 6750) for a bad credential, 503 when the key set
 * needed to check the token cannot be fetched.
 */
export function authenticateRequests({
  verify,
  logger,
}: AuthenticateRequestsOptions): RequestHandler {
  return async (req, res, next) => {
    try {
      const token = bearerTokenOf(req.get('authorization'));
      if (token === undefined) {
        res.locals['viewer'] = null;
        return next();
      }
      if (!verify) {
        throw new InvalidAccessToken(
          'This endpoint does not accept access tokens',
          'no token verification configured',
        );
      }
      res.locals['viewer'] = await verify(token);
      return next();
    } catch (error) {
      if (error instanceof InvalidAccessToken) {
        logger.info(
          { reason: error.reason, requestId: res.locals['requestId'] },
          'access token refused',
        );
        res
          .status(401)
          .set('www-authenticate', `Bearer error="${error.bearerError}"`)
          .json({
            errors: [{ message: error.message, extensions: { code: ErrorCode.Unauthenticated } }],
          });
        return;
      }
      if (error instanceof KeySetUnavailable) {
        logger.warn(
          { err: error, requestId: res.locals['requestId'] },
          'cannot verify access tokens: key set unavailable',
        );
        res.status(503).json({
          errors: [
            {
              message: KEY_SET_UNAVAILABLE_MESSAGE,
              extensions: { code: ErrorCode.InternalServerError },
            },
          ],
        });
        return;
      }
      return next(error);
    }
  };
}
