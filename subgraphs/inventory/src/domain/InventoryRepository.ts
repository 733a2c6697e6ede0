import type { StoreSession } from '@play-economy/chassis/domain';
import type { InventoryEntryState, QuantityChange } from './InventoryEntry.ts';

/** Where a page of a user's entries starts: just after this entry, oldest acquisition first. */
export interface EntryPosition {
  acquiredAt: Date;
  /** Breaks ties between items acquired at the same instant. */
  itemId: string;
}

/** One page of a user's entries. */
export interface EntryPageQuery {
  /** At most this many, 1 or more. */
  first: number;
  after?: EntryPosition | undefined;
}

export function positionOf(entry: InventoryEntryState): EntryPosition {
  return { acquiredAt: entry.acquiredAt, itemId: entry.itemId };
}

/** Inventory entries, one per (user, item). */
export interface InventoryRepository {
  /**
   * A page of the user's entries with a quantity above 0, oldest acquisition first: by
   * `acquiredAt`, then by item id. The store applies the limit; it never loads the other entries.
   */
  findByUser(userId: string, page: EntryPageQuery): Promise<InventoryEntryState[]>;
  /** The user's entry for the item, even one taken back to 0; null when they never had it. */
  find(userId: string, itemId: string, session?: StoreSession): Promise<InventoryEntryState | null>;
  /** The user's quantities of the given items; items the user never had are left out. */
  quantitiesOf(userId: string, itemIds: readonly string[]): Promise<Map<string, number>>;
  /**
   * Applies `change` in one atomic update if the stored quantity meets its guard, creating the
   * entry (acquired `now`) when there is none and 0 meets it. Returns the entry after the
   * change, or null when the guard refused it and nothing changed.
   */
  apply(
    change: QuantityChange,
    now: Date,
    session: StoreSession,
  ): Promise<InventoryEntryState | null>;
}
