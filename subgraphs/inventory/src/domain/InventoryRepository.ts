import type { StoreSession } from '@play-economy/chassis/domain';
import type { InventoryEntry } from './InventoryEntry.ts';
import type { Subtraction } from './QuantityRules.ts';

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

export function positionOf(entry: InventoryEntry): EntryPosition {
  return { acquiredAt: entry.acquiredAt, itemId: entry.itemId };
}

/** Inventory entries, one per (user, item). */
export interface InventoryRepository {
  /**
   * A page of the user's entries with a quantity above 0, oldest acquisition first: by
   * `acquiredAt`, then by item id. The store applies the limit; it never loads the other entries.
   */
  findByUser(userId: string, page: EntryPageQuery): Promise<InventoryEntry[]>;
  /** The user's entry for the item, even one taken back to 0; null when they never had it. */
  find(userId: string, itemId: string): Promise<InventoryEntry | null>;
  /** The user's quantities of the given items; items the user never had are left out. */
  quantitiesOf(userId: string, itemIds: readonly string[]): Promise<Map<string, number>>;
  /**
   * Adds `quantity` to the user's entry in one atomic upsert (creating it, acquired `now`, if
   * there is none) and returns the entry after the change.
   */
  add(
    userId: string,
    itemId: string,
    quantity: number,
    now: Date,
    session: StoreSession,
  ): Promise<InventoryEntry>;
  /** Takes up to `quantity` out of the user's entry, never below 0. */
  subtract(
    userId: string,
    itemId: string,
    quantity: number,
    now: Date,
    session: StoreSession,
  ): Promise<Subtraction>;
}
