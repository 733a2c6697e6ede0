/**
 * What trading publishes: commands for inventory and identity, and the event announcing every
 * change of a purchase. Consumers declare their own copy of the payloads they read.
 */

export const TradingMessageType = {
  GrantItems: 'trading.purchase.grant_items',
  DebitGil: 'trading.purchase.debit_gil',
  SubtractItems: 'trading.purchase.subtract_items',
  RefundGil: 'trading.purchase.refund_gil',
  PurchaseUpdated: 'trading.purchase.updated',
} as const;

export type TradingMessageType = (typeof TradingMessageType)[keyof typeof TradingMessageType];

/** Payload of `trading.purchase.grant_items` (to inventory): put the items in the inventory. */
export interface GrantItemsPayload {
  purchaseId: string;
  userId: string;
  itemId: string;
  quantity: number;
}

/** Payload of `trading.purchase.debit_gil` (to identity): take the purchase's total. */
export interface DebitGilPayload {
  purchaseId: string;
  userId: string;
  /** Gil to take, a positive whole number. */
  amount: number;
}

/** Payload of `trading.purchase.subtract_items` (to inventory): take back granted items. */
export type SubtractItemsPayload = GrantItemsPayload;

/**
 * Payload of `trading.purchase.refund_gil` (to identity): give back a debit that was confirmed
 * only after the purchase had stopped waiting for it and taken its items back.
 */
export type RefundGilPayload = DebitGilPayload;

/** Payload of `trading.purchase.updated`: a purchase's state after each transition. */
export interface PurchaseUpdatedPayload {
  purchaseId: string;
  userId: string;
  itemId: string;
  quantity: number;
  total: number;
  state: string;
  failureReason: string | null;
  /** Increases with every change of the purchase. */
  version: number;
  /** ISO-8601 instant of the change. */
  updatedAt: string;
  /** ISO-8601 instant the purchase was accepted; absent from events of older versions. */
  createdAt?: string;
}
