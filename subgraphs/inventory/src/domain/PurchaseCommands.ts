import { isCommandQuantity } from './QuantityRules.ts';

/**
 * Inventory's copy of the commands trading's purchase saga sends it. Both carry the same
 * payload shape.
 */

/** Add the bought items to the buyer's inventory. */
export const GRANT_ITEMS_REQUESTED = 'trading.purchase.grant_items';

/** Compensation: take back the items of a purchase that could not be paid for. */
export const SUBTRACT_ITEMS_REQUESTED = 'trading.purchase.subtract_items';

/** Payload of `trading.purchase.grant_items` and `trading.purchase.subtract_items`. */
export interface PurchaseItemsPayload {
  purchaseId: string;
  userId: string;
  itemId: string;
  /** How many items, a whole number of at least 1. */
  quantity: number;
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** Whether a message payload is a command inventory can act on. */
export function isPurchaseItemsPayload(value: unknown): value is PurchaseItemsPayload {
  if (typeof value !== 'object' || value === null) return false;
  const { purchaseId, userId, itemId, quantity } = value as Record<string, unknown>;
  return (
    nonEmpty(purchaseId) && nonEmpty(userId) && nonEmpty(itemId) && isCommandQuantity(quantity)
  );
}
