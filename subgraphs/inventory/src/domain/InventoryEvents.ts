import { defineMessage, z, type PayloadOf } from '@play-economy/chassis/domain';

/**
 * Events inventory publishes, as contracts: the one definition of each, which its consumers
 * import.
 */

const id = z.string().min(1);
const count = z.number().int().min(0);

/** Published for every change of a quantity. */
export const InventoryChanged = defineMessage(
  'inventory.changed',
  z.object({
    userId: id,
    itemId: id,
    /** The user's quantity of the item after the change. */
    quantity: count,
    /** The change itself: positive when items were added. */
    delta: z.number().int(),
    /** What made the quantity change. */
    cause: z.enum(['admin-grant', 'purchase', 'compensation']),
    /** The purchase behind a `purchase` or `compensation` change. */
    purchaseId: id.optional(),
  }),
);

/** The reply to a purchase's grant command. */
export const ItemsGranted = defineMessage(
  'inventory.items.granted',
  z.object({
    purchaseId: id,
    userId: id,
    itemId: id,
    /** How many were added. */
    quantity: z.number().int().min(1),
    /** The user's quantity of the item after the grant. */
    newQuantity: count,
  }),
);

/** The grant changed nothing. */
export const GrantFailed = defineMessage(
  'inventory.items.grant_failed',
  z.object({
    purchaseId: id,
    userId: id,
    itemId: id,
    quantity: z.number().int().min(1),
    /**
     * `UNKNOWN_ITEM`: unknown to inventory or deleted from the catalog; `QUANTITY_LIMIT`: the
     * user's total would exceed the largest quantity one can own.
     */
    reason: z.enum(['UNKNOWN_ITEM', 'QUANTITY_LIMIT']),
  }),
);

/** The reply to a purchase's compensation command. */
export const ItemsSubtracted = defineMessage(
  'inventory.items.subtracted',
  z.object({
    purchaseId: id,
    userId: id,
    itemId: id,
    /** How many the command asked to take back. */
    quantity: z.number().int().min(1),
    /**
     * How many were actually taken: `quantity`, or less when the user no longer had that many
     * (a quantity never goes below 0).
     */
    subtracted: count,
    /** The user's quantity of the item after the subtraction. */
    newQuantity: count,
  }),
);

export type InventoryChangedPayload = PayloadOf<typeof InventoryChanged>;
/** What made a quantity change. */
export type InventoryChangeCause = InventoryChangedPayload['cause'];
export type ItemsGrantedPayload = PayloadOf<typeof ItemsGranted>;
export type GrantFailedPayload = PayloadOf<typeof GrantFailed>;
/** Why a grant was refused. */
export type GrantFailureReason = GrantFailedPayload['reason'];
export type ItemsSubtractedPayload = PayloadOf<typeof ItemsSubtracted>;
