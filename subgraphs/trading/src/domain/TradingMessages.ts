import { defineMessage, z, type PayloadOf } from '@play-economy/chassis/domain';

/**
 * What trading publishes, as contracts: commands for inventory and identity, and the event
 * announcing every change of a purchase. The one definition of each, which consumers import.
 */

const id = z.string().min(1);
const purchaseItems = z.object({
  purchaseId: id,
  userId: id,
  itemId: id,
  /** How many items, a whole number of at least 1. */
  quantity: z.number().int().min(1),
});
const purchaseGil = z.object({
  purchaseId: id,
  userId: id,
  /** Gil to move, a positive whole number. */
  amount: z.number().int().positive(),
});

/** To inventory: put the bought items in the buyer's inventory. */
export const GrantItems = defineMessage('trading.purchase.grant_items', purchaseItems);
/** To identity: take the purchase's total from the buyer's gil. */
export const DebitGil = defineMessage('trading.purchase.debit_gil', purchaseGil);
/** To inventory (compensation): take back the items of a purchase that could not be paid. */
export const SubtractItems = defineMessage('trading.purchase.subtract_items', purchaseItems);
/**
 * To identity: give back a debit that was confirmed only after the purchase had stopped
 * waiting for it and taken its items back.
 */
export const RefundGil = defineMessage('trading.purchase.refund_gil', purchaseGil);

/** A purchase's state after each transition. */
export const PurchaseUpdated = defineMessage(
  'trading.purchase.updated',
  z.object({
    purchaseId: id,
    userId: id,
    itemId: id,
    quantity: z.number().int().min(1),
    total: z.number().int().min(0),
    state: z.string().min(1),
    failureReason: z.string().nullable(),
    /** Increases with every change of the purchase. */
    version: z.number().int().min(1),
    /** ISO-8601 instant of the change. */
    updatedAt: z.string(),
    /** ISO-8601 instant the purchase was accepted; absent from events of older versions. */
    createdAt: z.string().optional(),
  }),
);

export type GrantItemsPayload = PayloadOf<typeof GrantItems>;
export type DebitGilPayload = PayloadOf<typeof DebitGil>;
export type SubtractItemsPayload = PayloadOf<typeof SubtractItems>;
export type RefundGilPayload = PayloadOf<typeof RefundGil>;
export type PurchaseUpdatedPayload = PayloadOf<typeof PurchaseUpdated>;
