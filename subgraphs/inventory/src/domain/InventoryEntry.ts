import type { DomainEvent } from '@play-economy/chassis/domain';
import { InventoryChanged, ItemsGranted, ItemsSubtracted } from './InventoryEvents.ts';
import { QuantityLimitExceeded } from './QuantityLimitExceeded.ts';
import { QUANTITY_MAX } from './QuantityRules.ts';

/** How many of one item one user owns: one per (user, item). */
export interface InventoryEntryState {
  userId: string;
  itemId: string;
  /** The user's total of the item; 0 once everything was taken back. */
  quantity: number;
  /** When the user first acquired the item. */
  acquiredAt: Date;
}

/** What a grant is for: an admin's gift, or the delivery of a purchase. */
export type GrantReason = { cause: 'admin-grant' } | { cause: 'purchase'; purchaseId: string };

/**
 * A change of one entry's quantity as the store applies it, in one atomic update: `delta` is
 * added only while the stored quantity (0 for an entry not there yet) is from `atLeast` to
 * `atMost`. Concurrent changes add up; none reads a total it then overwrites.
 */
export interface QuantityChange {
  readonly userId: string;
  readonly itemId: string;
  /** Added to the quantity: negative to take items out. */
  readonly delta: number;
  readonly atLeast: number;
  readonly atMost: number;
}

/**
 * A user's entry for one item, as grants and subtractions change it. Its quantity is read and
 * changed by the store in one atomic update, so the entry produces each change with the guard
 * its rules need, and learns its state from what the store returns: the entry decides what a
 * change means and which events it records; nothing outside this class does.
 */
export class InventoryEntry {
  readonly #events: DomainEvent[] = [];
  #state: InventoryEntryState | null;

  private constructor(
    readonly userId: string,
    readonly itemId: string,
    state: InventoryEntryState | null,
  ) {
    this.#state = state;
  }

  /** The user's entry for the item, about to be changed; its state is known once a change is. */
  static of(userId: string, itemId: string): InventoryEntry {
    return new InventoryEntry(userId, itemId, null);
  }

  /** The user's quantity of the item as of the last change; 0 for an entry not stored. */
  get quantity(): number {
    return this.#state?.quantity ?? 0;
  }

  /** The stored state as of the last change; null when there is no entry. */
  toState(): InventoryEntryState | null {
    return this.#state === null ? null : { ...this.#state };
  }

  /** The events recorded since the entry was created, oldest first. */
  pullEvents(): DomainEvent[] {
    return this.#events.splice(0);
  }

  /** Adding `quantity` items, applied only while the total stays at most {@link QUANTITY_MAX}. */
  grant(quantity: number): QuantityChange {
    return this.#change(quantity, 0, QUANTITY_MAX - quantity);
  }

  /**
   * Takes in what the store made of `grant`: `after` is the entry after it, or null when the
   * guard refused it, which throws {@link QuantityLimitExceeded}. Records `inventory.changed`,
   * and `inventory.items.granted` for a purchase.
   */
  granted(grant: QuantityChange, reason: GrantReason, after: InventoryEntryState | null): void {
    if (after === null) throw new QuantityLimitExceeded();
    this.#state = { ...after };
    const { userId, itemId, delta } = grant;
    const newQuantity = after.quantity;
    if (reason.cause === 'admin-grant') {
      this.#events.push(
        InventoryChanged.of({ userId, itemId, quantity: newQuantity, delta, cause: 'admin-grant' }),
      );
      return;
    }
    const { purchaseId } = reason;
    this.#events.push(
      ItemsGranted.of({ purchaseId, userId, itemId, quantity: delta, newQuantity }),
      InventoryChanged.of({
        userId,
        itemId,
        quantity: newQuantity,
        delta,
        cause: 'purchase',
        purchaseId,
      }),
    );
  }

  /** Taking `quantity` items out, applied only while there are at least that many. */
  subtract(quantity: number): QuantityChange {
    return this.#change(-quantity, quantity, QUANTITY_MAX);
  }

  /**
   * After the store refused a subtraction for lack of items: takes all there are in `current`,
   * applied only while the quantity is still that; null when there is nothing to take (a
   * quantity never goes below 0).
   */
  remainderOf(current: InventoryEntryState | null): QuantityChange | null {
    this.#state = current === null ? null : { ...current };
    const owned = Math.max(this.quantity, 0);
    return owned === 0 ? null : this.#change(-owned, owned, owned);
  }

  /**
   * Takes in what the store made of a purchase's compensation of `requested` items: `taken` is
   * the change applied, or null when nothing was taken; `after` the entry after it. Records
   * `inventory.items.subtracted`, and `inventory.changed` when anything was taken. Throws when
   * the store refused `taken`: the entry changed meanwhile, and the command is handled again.
   */
  subtracted(
    purchaseId: string,
    requested: number,
    taken: QuantityChange | null,
    after: InventoryEntryState | null,
  ): void {
    if (taken !== null && after === null) {
      throw new Error(`inventory entry ${this.userId}/${this.itemId} changed while subtracting`);
    }
    if (after !== null) this.#state = { ...after };
    const { userId, itemId } = this;
    const subtracted = taken === null ? 0 : -taken.delta;
    const newQuantity = Math.max(this.quantity, 0);
    this.#events.push(
      ItemsSubtracted.of({
        purchaseId,
        userId,
        itemId,
        quantity: requested,
        subtracted,
        newQuantity,
      }),
    );
    if (subtracted > 0) {
      this.#events.push(
        InventoryChanged.of({
          userId,
          itemId,
          quantity: newQuantity,
          delta: -subtracted,
          cause: 'compensation',
          purchaseId,
        }),
      );
    }
  }

  #change(delta: number, atLeast: number, atMost: number): QuantityChange {
    return { userId: this.userId, itemId: this.itemId, delta, atLeast, atMost };
  }
}
