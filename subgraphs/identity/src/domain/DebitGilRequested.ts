/**
 * Identity's copy of the command trading sends when a purchase's items were granted and its
 * total must now be paid.
 */

export const DEBIT_GIL_REQUESTED = 'trading.purchase.debit_gil';

/** Payload of `trading.purchase.debit_gil`. */
export interface DebitGilRequestedPayload {
  purchaseId: string;
  userId: string;
  /** Gil to take, a positive whole number. */
  amount: number;
}

/** Whether a message payload is a debit command identity can act on. */
export function isDebitGilRequestedPayload(value: unknown): value is DebitGilRequestedPayload {
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
