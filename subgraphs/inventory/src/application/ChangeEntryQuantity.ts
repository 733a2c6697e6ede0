import type { StoreSession } from '@play-economy/chassis/domain';
import { InventoryEntry, type GrantReason, type QuantityChange } from '../domain/InventoryEntry.ts';
import type { InventoryRepository } from '../domain/InventoryRepository.ts';

/**
 * The one way a quantity changes: the entry produces the change with its guard, the repository
 * applies it atomically, and the entry records what it meant. Used inside a unit of work; the
 * caller records the entry's events.
 */
export class ChangeEntryQuantity {
  constructor(private readonly entries: InventoryRepository) {}

  /**
   * Adds `quantity` items to the user's entry. Throws `QuantityLimitExceeded`, changing nothing,
   * when the total would exceed the largest quantity one can own.
   */
  async grant(
    userId: string,
    itemId: string,
    quantity: number,
    reason: GrantReason,
    session: StoreSession,
  ): Promise<InventoryEntry> {
    const entry = InventoryEntry.of(userId, itemId);
    const grant = entry.grant(quantity);
    entry.granted(grant, reason, await this.entries.apply(grant, new Date(), session));
    return entry;
  }

  /**
   * Takes up to `quantity` items back out of the user's entry for the purchase `purchaseId`:
   * all of them when there are enough, else what there is.
   */
  async subtract(
    userId: string,
    itemId: string,
    quantity: number,
    purchaseId: string,
    session: StoreSession,
  ): Promise<InventoryEntry> {
    const entry = InventoryEntry.of(userId, itemId);
    const now = new Date();
    let taken: QuantityChange | null = entry.subtract(quantity);
    let after = await this.entries.apply(taken, now, session);
    if (after === null) {
      // Fewer than asked: take what there is, on condition that it is still what was read.
      taken = entry.remainderOf(await this.entries.find(userId, itemId, session));
      after = taken === null ? null : await this.entries.apply(taken, now, session);
    }
    entry.subtracted(purchaseId, quantity, taken, after);
    return entry;
  }
}
