/**
 * Events the catalog publishes. Payloads carry the item's whole public state and its
 * `version`, so a consumer keeping a copy can ignore an event older than what it has.
 */

export const CatalogEventType = {
  ItemCreated: 'catalog.item.created',
  ItemUpdated: 'catalog.item.updated',
  ItemDeleted: 'catalog.item.deleted',
} as const;

export type CatalogEventType = (typeof CatalogEventType)[keyof typeof CatalogEventType];

/** Payload of `catalog.item.created` and `catalog.item.updated`. */
export interface ItemChangedPayload {
  id: string;
  name: string;
  description: string;
  /** Price of one unit in gil. */
  price: number;
  /** Starts at 1, incremented by every change. */
  version: number;
}

/** Payload of `catalog.item.deleted`. */
export interface ItemDeletedPayload {
  id: string;
  /** The version the item had when it was deleted, plus one. */
  version: number;
}

export type CatalogEvent =
  | { type: typeof CatalogEventType.ItemCreated; payload: ItemChangedPayload }
  | { type: typeof CatalogEventType.ItemUpdated; payload: ItemChangedPayload }
  | { type: typeof CatalogEventType.ItemDeleted; payload: ItemDeletedPayload };
