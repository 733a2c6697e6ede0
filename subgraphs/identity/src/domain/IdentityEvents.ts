/**
 * Events identity publishes. Consumers declare their own copy of the payloads they read; these
 * are identity's.
 */

export const IdentityEventType = {
  UserCreated: 'identity.user.created',
  UserSessionsRevoked: 'identity.user.sessions_revoked',
  GilChanged: 'identity.gil.changed',
  GilDebited: 'identity.gil.debited',
  GilDebitFailed: 'identity.gil.debit_failed',
  GilRefunded: 'identity.gil.refunded',
} as const;

export type IdentityEventType = (typeof IdentityEventType)[keyof typeof IdentityEventType];

/** Payload of `identity.user.created`. */
export interface UserCreatedPayload {
  userId: string;
  username: string;
}

/** Why every session of a user was ended. */
export type SessionsRevokedReason = 'PASSWORD_CHANGED' | 'SIGNED_OUT_EVERYWHERE';

/**
 * Payload of `identity.user.sessions_revoked`: every refresh token the user held is revoked.
 * Access tokens already issued stay valid until they expire; whoever holds the user's
 * long-lived connections (subscriptions) should end them.
 */
export interface UserSessionsRevokedPayload {
  userId: string;
  reason: SessionsRevokedReason;
}

/** Payload of `identity.gil.changed`: published for every change of a balance. */
export interface GilChangedPayload {
  userId: string;
  /** The balance after the change. */
  balance: number;
  /** The change itself: positive when gil was added. */
  delta: number;
}

/** Payload of `identity.gil.debited`: the reply to a purchase's debit command. */
export interface GilDebitedPayload {
  purchaseId: string;
  userId: string;
  /** Gil taken, a positive number. */
  amount: number;
  /** The balance after the debit. */
  balance: number;
}

/** Why a debit was refused. */
export type GilDebitFailureReason = 'INSUFFICIENT_GIL' | 'UNKNOWN_USER';

/** Payload of `identity.gil.debit_failed`: the debit changed nothing. */
export interface GilDebitFailedPayload {
  purchaseId: string;
  userId: string;
  amount: number;
  reason: GilDebitFailureReason;
}

/** Payload of `identity.gil.refunded`: a purchase's late debit was given back. */
export interface GilRefundedPayload {
  purchaseId: string;
  userId: string;
  /** Gil given back, a positive number. */
  amount: number;
  /** The balance after the refund. */
  balance: number;
}

export type IdentityEvent =
  | { type: typeof IdentityEventType.UserCreated; payload: UserCreatedPayload }
  | { type: typeof IdentityEventType.UserSessionsRevoked; payload: UserSessionsRevokedPayload }
  | { type: typeof IdentityEventType.GilChanged; payload: GilChangedPayload }
  | { type: typeof IdentityEventType.GilDebited; payload: GilDebitedPayload }
  | { type: typeof IdentityEventType.GilDebitFailed; payload: GilDebitFailedPayload }
  | { type: typeof IdentityEventType.GilRefunded; payload: GilRefundedPayload };

export function userSessionsRevoked(payload: UserSessionsRevokedPayload): IdentityEvent {
  return { type: IdentityEventType.UserSessionsRevoked, payload };
}

export function gilChanged(payload: GilChangedPayload): IdentityEvent {
  return { type: IdentityEventType.GilChanged, payload };
}

export function gilDebited(payload: GilDebitedPayload): IdentityEvent {
  return { type: IdentityEventType.GilDebited, payload };
}

export function gilDebitFailed(payload: GilDebitFailedPayload): IdentityEvent {
  return { type: IdentityEventType.GilDebitFailed, payload };
}

export function gilRefunded(payload: GilRefundedPayload): IdentityEvent {
  return { type: IdentityEventType.GilRefunded, payload };
}
