import type { StoreSession } from '@play-economy/chassis';
import type { InventoryEntry } from './InventoryEntry.ts';
import type { Subtraction } from './QuantityRules.ts';

/** Inventory entries, one per (user, item). */
export interface InventoryRepository {
  /** The user's entries with a quantity above 0, oldest acquisition first. */
  findByUser(userId: string): Promise<InventoryEntry[]>;
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
