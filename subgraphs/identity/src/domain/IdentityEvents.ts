import { defineMessage, z, type PayloadOf } from '@play-economy/chassis/domain';

/**
 * Events identity publishes, as contracts: the one definition of each, which its consumers
 * import.
 */

const id = z.string().min(1);
/** Gil moved by one operation: a positive whole number. */
const gil = z.number().int().positive();

export const UserCreated = defineMessage(
  'identity.user.created',
  z.object({ userId: id, username: z.string().min(1) }),
);

/**
 * Every refresh token the user held is revoked. Access tokens already issued stay valid until
 * they expire; whoever holds the user's long-lived connections (subscriptions) should end them.
 */
export const UserSessionsRevoked = defineMessage(
  'identity.user.sessions_revoked',
  z.object({ userId: id, reason: z.enum(['PASSWORD_CHANGED', 'SIGNED_OUT_EVERYWHERE']) }),
);

/** Published for every change of a balance. */
export const GilChanged = defineMessage(
  'identity.gil.changed',
  z.object({
    userId: id,
    /** The balance after the change. */
    balance: z.number().int(),
    /** The change itself: positive when gil was added. */
    delta: z.number().int(),
  }),
);

/** Gil a purchase moved, and the balance after. */
const purchaseGilMoved = z.object({
  purchaseId: id,
  userId: id,
  amount: gil,
  /** The balance after the debit or the refund. */
  balance: z.number().int(),
});

/** The reply to a purchase's debit command. */
export const GilDebited = defineMessage('identity.gil.debited', purchaseGilMoved);

/** The debit changed nothing: the balance is short, or the user unknown. */
export const GilDebitFailed = defineMessage(
  'identity.gil.debit_failed',
  z.object({
    purchaseId: id,
    userId: id,
    amount: gil,
    reason: z.enum(['INSUFFICIENT_GIL', 'UNKNOWN_USER']),
  }),
);

/** A purchase's late debit was given back. */
export const GilRefunded = defineMessage('identity.gil.refunded', purchaseGilMoved);

export type UserCreatedPayload = PayloadOf<typeof UserCreated>;
export type UserSessionsRevokedPayload = PayloadOf<typeof UserSessionsRevoked>;
/** Why every session of a user was ended. */
export type SessionsRevokedReason = UserSessionsRevokedPayload['reason'];
export type GilChangedPayload = PayloadOf<typeof GilChanged>;
export type GilDebitedPayload = PayloadOf<typeof GilDebited>;
export type GilDebitFailedPayload = PayloadOf<typeof GilDebitFailed>;
/** Why a debit was refused. */
export type GilDebitFailureReason = GilDebitFailedPayload['reason'];
export type GilRefundedPayload = PayloadOf<typeof GilRefunded>;
