/**
 * The key set needed to check a token could not be fetched (unreachable, timed out, not a
 * valid JWKS). Says nothing about the token itself: the request should fail with 503 and may
 * be retried. The `cause` says what happened.
 */
export class KeySetUnavailable extends Error {
  override name = 'KeySetUnavailable';

  constructor(
    readonly jwksUrl: string,
    options?: ErrorOptions,
  ) {
    super(`the key set at ${jwksUrl} is unavailable`, options);
  }
}
