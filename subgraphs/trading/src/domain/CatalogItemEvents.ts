/** Trading's copy of the catalog events that keep its price list current. */

export const CatalogItemEventType = {
  ItemCreated: 'catalog.item.created',
  ItemUpdated: 'catalog.item.updated',
  ItemDeleted: 'catalog.item.deleted',
} as const;

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
  version: number;
}

export function isItemChangedPayload(value: unknown): value is ItemChangedPayload {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name, price, version } = value as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    id !== '' &&
    typeof name === 'string' &&
    typeof price === 'number' &&
    Number.isSafeInteger(price) &&
    price > 0 &&
    typeof version === 'number' &&
    Number.isSafeInteger(version)
  );
}

export function isItemDeletedPayload(value: unknown): value is ItemDeletedPayload {
  if (typeof value !== 'object' || value === null) return false;
  const { id, version } = value as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    id !== '' &&
    typeof version === 'number' &&
    Number.isSafeInteger(version)
  );
}
