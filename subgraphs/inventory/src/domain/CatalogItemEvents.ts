/**
 * Inventory's copy of the catalog events it reads to know which items exist. Only the fields
 * inventory needs are declared; the catalog sends more.
 */

export const CatalogItemEventType = {
  ItemCreated: 'catalog.item.created',
  ItemUpdated: 'catalog.item.updated',
  ItemDeleted: 'catalog.item.deleted',
} as const;

export type CatalogItemEventType = (typeof CatalogItemEventType)[keyof typeof CatalogItemEventType];

/** The part of a `catalog.item.*` payload inventory reads. */
export interface CatalogItemPayload {
  id: string;
  /** Starts at 1 and grows with every change, deletion included. */
  version: number;
}

/** An item event as inventory understands it. */
export interface CatalogItemEvent {
  /** `deleted` for `catalog.item.deleted`; `present` for created and updated. */
  kind: 'present' | 'deleted';
  id: string;
  version: number;
}

/** Reads a `catalog.item.*` message; null when the type or payload is not one inventory knows. */
export function catalogItemEventOf(type: string, payload: unknown): CatalogItemEvent | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { id, version } = payload as Record<string, unknown>;
  if (typeof id !== 'string' || id === '') return null;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) return null;
  switch (type) {
    case CatalogItemEventType.ItemCreated:
    case CatalogItemEventType.ItemUpdated:
      return { kind: 'present', id, version };
    case CatalogItemEventType.ItemDeleted:
      return { kind: 'deleted', id, version };
    default:
      return null;
  }
}
