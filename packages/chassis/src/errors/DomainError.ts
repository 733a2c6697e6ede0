/** The error codes clients see in `extensions.code` (docs/api.md, "Errors"). */
export const ErrorCode = {
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  BadUserInput: 'BAD_USER_INPUT',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  InsufficientGil: 'INSUFFICIENT_GIL',
  RateLimited: 'RATE_LIMITED',
  /** A service the request needs cannot be reached now; trying again later may work. */
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  InternalServerError: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * A rule of the domain was broken. Its message is written for the client and is shown as is;
 * `details` become extra `extensions` fields (e.g. `field` for invalid input).
 */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

/** An input value breaks a rule; `field` names the offending input field. */
export class InvalidInput extends DomainError {
  readonly code = ErrorCode.BadUserInput;
  constructor(field: string, message: string) {
    super(message, { field });
  }
}

export class NotFound extends DomainError {
  readonly code = ErrorCode.NotFound;
  constructor(entity: string, id: string) {
    super(`${entity} ${id} does not exist`, { entity, id });
  }
}

export class Conflict extends DomainError {
  readonly code = ErrorCode.Conflict;
}

export class Unauthenticated extends DomainError {
  readonly code = ErrorCode.Unauthenticated;
}

export class Forbidden extends DomainError {
  readonly code = ErrorCode.Forbidden;
}

export class InsufficientGil extends DomainError {
  readonly code = ErrorCode.InsufficientGil;
}

export class RateLimited extends DomainError {
  readonly code = ErrorCode.RateLimited;
}
