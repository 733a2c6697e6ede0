import { InvalidAccessToken } from './InvalidAccessToken.ts';

/** `Bearer <token68>` (RFC 6750 §2.1); the scheme is case-insensitive. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * The bearer token of an `Authorization` header value: `undefined` when there is no header (an
 * anonymous caller). Throws `InvalidAccessToken` (`invalid_request`) for any other
 * scheme or a malformed value, so a client that meant to authenticate is told so instead of
 * being served as anonymous. WebSocket `connection_init` payloads carrying an `Authorization`
 * entry can be read the same way.
 */
export function bearerTokenOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const token = BEARER.exec(header)?.[1];
  if (token === undefined) {
    throw new InvalidAccessToken(
      'The Authorization header must be "Bearer <access token>"',
      'not a bearer credential',
      { bearerError: 'invalid_request' },
    );
  }
  return token;
}
