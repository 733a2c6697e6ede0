import type { PurchaseState } from './Purchase.ts';
import type { PurchaseUpdatedPayload } from './TradingMessages.ts';

/** What clients read of a purchase: the aggregate satisfies it, and so does an update event. */
export interface PurchaseView {
  readonly id: string;
  readonly userId: string;
  readonly itemId: string;
  readonly quantity: number;
  readonly total: number;
  readonly state: PurchaseState;
  readonly failureReason: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A purchase as one `trading.purchase.updated` event tells it, for live subscribers. */
export function purchaseViewOf(payload: PurchaseUpdatedPayload): PurchaseView {
  return {
    id: payload.purchaseId,
    userId: payload.userId,
    itemId: payload.itemId,
    quantity: payload.quantity,
    total: payload.total,
    state: payload.state as PurchaseState,
    failureReason: payload.failureReason,
    // Events published before `createdAt` was part of the payload: the update is the best known.
    createdAt: new Date(payload.createdAt ?? payload.updatedAt),
    updatedAt: new Date(payload.updatedAt),
  };
}
