import type { CatalogItemEvent } from './CatalogItemEvents.ts';

/**
 * Inventory's event-fed record of one catalog item: whether it exists, as of which catalog
 * version. A deleted item stays as a tombstone, so an older event arriving late cannot bring it
 * back.
 */
export interface KnownItem {
  id: string;
  /** The catalog version this record reflects. */
  version: number;
  deleted: boolean;
}

/** Whether items of this record can be granted. */
export function isGrantable(item: KnownItem | null): item is KnownItem {
  return item !== null && !item.deleted;
}

/**
 * The record after `event`, or null when the event changes nothing: it is not newer than what
 * is known (a duplicate, or one overtaken by a later change or the deletion).
 */
export function applyItemEvent(
  current: KnownItem | null,
  event: CatalogItemEvent,
): KnownItem | null {
  if (current !== null && event.version <= current.version) return null;
  return { id: event.id, version: event.version, deleted: event.kind === 'deleted' };
}
