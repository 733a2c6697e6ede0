/**
 * Identity's copy of the command trading sends when a debit was confirmed only after the
 * purchase had stopped waiting for it and taken its items back: the gil goes back to the buyer.
 */

export const REFUND_GIL_REQUESTED = 'trading.purchase.refund_gil';

/** Payload of `trading.purchase.refund_gil`. */
export interface RefundGilRequestedPayload {
  purchaseId: string;
  userId: string;
  /** Gil to give back: what the purchase's debit took, a positive whole number. */
  amount: number;
}

/** Whether a message payload is a refund command identity can act on. */
export function isRefundGilRequestedPayload(value: unknown): value is RefundGilRequestedPayload {
  if (typeof value !== 'object' || value === null) return false;
  const { purchaseId, userId, amount } = value as Record<string, unknown>;
  return (
    typeof purchaseId === 'string' &&
    purchaseId !== '' &&
    typeof userId === 'string' &&
    userId !== '' &&
    typeof amount === 'number' &&
    Number.isSafeInteger(amount) &&
    amount > 0
  );
}
