/**
 * The `error` attribute of a `WWW-Authenticate: Bearer` challenge (RFC 6750 §3.1):
 * `invalid_request` when the header is not a bearer credential at all, `invalid_token` when
 * the token is.
 */
export type BearerError = 'invalid_request' | 'invalid_token';

/**
 * A credential was sent but cannot be trusted: not a bearer token, malformed, badly signed,
 * expired, not yet valid, issued by or for someone else, or missing a required claim. The
 * request must fail with 401, never run anonymously. `message` is safe to show; `reason` (and
 * `cause`) are for the logs.
 */
export class InvalidAccessToken extends Error {
  override name = 'InvalidAccessToken';

  /** For the `WWW-Authenticate` challenge. */
  readonly bearerError: BearerError;

  constructor(
    message: string,
    /** What exactly was wrong, e.g. `unexpected "aud" claim value`. Never shown to clients. */
    readonly reason: string,
    options: ErrorOptions & { bearerError?: BearerError } = {},
  ) {
    super(message, options);
    this.bearerError = options.bearerError ?? 'invalid_token';
  }
}
