/**
 * Events inventory publishes. Consumers declare their own copy of the payloads they read; these
 * are inventory's.
 */

export const InventoryEventType = {
  InventoryChanged: 'inventory.changed',
  ItemsGranted: 'inventory.items.granted',
  GrantFailed: 'inventory.items.grant_failed',
  ItemsSubtracted: 'inventory.items.subtracted',
} as const;

export type InventoryEventType = (typeof InventoryEventType)[keyof typeof InventoryEventType];

/** What made a quantity change. */
export type InventoryChangeCause = 'admin-grant' | 'purchase' | 'compensation';

/** Payload of `inventory.changed`: published for every change of a quantity. */
export interface InventoryChangedPayload {
  userId: string;
  itemId: string;
  /** The user's quantity of the item after the change. */
  quantity: number;
  /** The change itself: positive when items were added. */
  delta: number;
  cause: InventoryChangeCause;
  /** The purchase behind a `purchase` or `compensation` change. */
  purchaseId?: string;
}

/** Payload of `inventory.items.granted`: the reply to a purchase's grant command. */
export interface ItemsGrantedPayload {
  purchaseId: string;
  userId: string;
  itemId: string;
  /** How many were added. */
  quantity: number;
  /** The user's quantity of the item after the grant. */
  newQuantity: number;
}

/** Why a grant was refused. */
export type GrantFailureReason =
  /** The item is unknown to inventory or was deleted from the catalog. */
  | 'UNKNOWN_ITEM'
  /** The user's total would exceed the largest quantity one can own. */
  | 'QUANTITY_LIMIT';

/** Payload of `inventory.items.grant_failed`: the grant changed nothing. */
export interface GrantFailedPayload {
  purchaseId: string;
  userId: string;
  itemId: string;
  quantity: number;
  reason: GrantFailureReason;
}

/** Payload of `inventory.items.subtracted`: the reply to a purchase's compensation command. */
export interface ItemsSubtractedPayload {
  purchaseId: string;
  userId: string;
  itemId: string;
  /** How many the command asked to take back. */
  quantity: number;
  /**
   * How many were actually taken: `quantity`, or less when the user no longer had that many
   * (a quantity never goes below 0).
   */
  subtracted: number;
  /** The user's quantity of the item after the subtraction. */
  newQuantity: number;
}

export type InventoryEvent =
  | { type: typeof InventoryEventType.InventoryChanged; payload: InventoryChangedPayload }
  | { type: typeof InventoryEventType.ItemsGranted; payload: ItemsGrantedPayload }
  | { type: typeof InventoryEventType.GrantFailed; payload: GrantFailedPayload }
  | { type: typeof InventoryEventType.ItemsSubtracted; payload: ItemsSubtractedPayload };

export function inventoryChanged(payload: InventoryChangedPayload): InventoryEvent {
  return { type: InventoryEventType.InventoryChanged, payload };
}

export function itemsGranted(payload: ItemsGrantedPayload): InventoryEvent {
  return { type: InventoryEventType.ItemsGranted, payload };
}

export function grantFailed(payload: GrantFailedPayload): InventoryEvent {
  return { type: InventoryEventType.GrantFailed, payload };
}

export function itemsSubtracted(payload: ItemsSubtractedPayload): InventoryEvent {
  return { type: InventoryEventType.ItemsSubtracted, payload };
}
