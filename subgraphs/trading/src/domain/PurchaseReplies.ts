/**
 * Trading's copies of the replies it reads from inventory and identity. Only `purchaseId` is
 * needed to find the purchase; the rest is checked so a malformed reply is dead-lettered.
 */

export const PurchaseReplyType = {
  ItemsGranted: 'inventory.items.granted',
  GrantFailed: 'inventory.items.grant_failed',
  ItemsSubtracted: 'inventory.items.subtracted',
  GilDebited: 'identity.gil.debited',
  GilDebitFailed: 'identity.gil.debit_failed',
} as const;

/** Payload of `inventory.items.granted` and `inventory.items.subtracted`. */
export interface ItemsMovedPayload {
  purchaseId: string;
  userId: string;
  itemId: string;
  quantity: number;
  /** The user's quantity of the item after the change. */
  newQuantity: number;
}

/** Payload of `inventory.items.grant_failed`. */
export interface GrantFailedPayload {
  purchaseId: string;
  reason: string;
}

/** Payload of `identity.gil.debited`. */
export interface GilDebitedPayload {
  purchaseId: string;
  userId: string;
  amount: number;
  /** The balance after the debit. */
  balance: number;
}

/** Why identity refused a debit. */
export type GilDebitFailureReason = 'INSUFFICIENT_GIL' | 'UNKNOWN_USER';

/** Payload of `identity.gil.debit_failed`. */
export interface GilDebitFailedPayload {
  purchaseId: string;
  userId: string;
  amount: number;
  reason: GilDebitFailureReason;
}

/** Whether a payload names the purchase it replies about. */
export function hasPurchaseId(value: unknown): value is { purchaseId: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>)['purchaseId'] === 'string' &&
    (value as Record<string, unknown>)['purchaseId'] !== ''
  );
}
