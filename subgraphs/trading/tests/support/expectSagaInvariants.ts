import { expect } from 'vitest';
import type { SignedInClient } from '@play-economy/local-stack';

/** What a player was given outside the saga, to check their ledger against. */
export interface PlayerBook {
  player: SignedInClient;
  /** Gil at registration. Default 100 (`STARTING_GIL`). */
  startingGil?: number;
  /** Sum of the admin's `adjustGil` amounts for this player. */
  gilAdjustments?: number;
  /** Units of each item the admin granted with `grantItems`, by item id. */
  itemGrants?: Readonly<Record<string, number>>;
  /**
   * Every idempotency key the player sent, repeats included: each distinct key must have made
   * exactly one purchase.
   */
  idempotencyKeys?: readonly string[];
}

export interface SagaOutcome {
  completed: number;
  faulted: number;
}

interface Ledger {
  gil: number;
  purchases: { id: string; state: string; total: number; quantity: number; item: { id: string } }[];
  inventory: { item: { id: string }; quantity: number }[];
}

/** The largest page of purchases or inventory entries: the ledger must fit in one. */
const WHOLE = 100;

const LEDGER = `{ me {
  gil
  purchases(first: ${WHOLE}) { id state total quantity item { id } }
  inventory(first: ${WHOLE}) { item { id } quantity }
} }`;

/**
 * Checks the saga's invariants (docs/saga.md, "Invariants") for each player, as the player
 * sees them through the router, once the system is quiet:
 * - every purchase ended COMPLETED or FAULTED;
 * - gil = starting gil + admin adjustments − totals of COMPLETED purchases;
 * - each item's quantity = admin grants + quantities of COMPLETED purchases (so a FAULTED
 *   purchase changed neither), and nothing else is in the inventory;
 * - each idempotency key made exactly one purchase.
 * Resolves with how the purchases ended, for the caller to check that both outcomes occurred.
 */
export async function expectSagaInvariants(books: readonly PlayerBook[]): Promise<SagaOutcome> {
  const outcome: SagaOutcome = { completed: 0, faulted: 0 };
  for (const book of books) {
    const { data, errors } = await book.player.request<{ me: Ledger }>(LEDGER);
    expect(errors).toBeUndefined();
    const { gil, purchases, inventory } = data!.me;
    const who = `player ${book.player.userId}`;
    expect(purchases.length, `${who}: purchases fit one page`).toBeLessThan(WHOLE);
    expect(inventory.length, `${who}: inventory fits one page`).toBeLessThan(WHOLE);

    const unsettled = purchases.filter(({ state }) => state !== 'COMPLETED' && state !== 'FAULTED');
    expect(unsettled, `${who}: unsettled purchases`).toEqual([]);
    const completed = purchases.filter(({ state }) => state === 'COMPLETED');
    outcome.completed += completed.length;
    outcome.faulted += purchases.length - completed.length;

    const spent = completed.reduce((sum, { total }) => sum + total, 0);
    expect(gil, `${who}: gil`).toBe((book.startingGil ?? 100) + (book.gilAdjustments ?? 0) - spent);

    const expected = new Map<string, number>(Object.entries(book.itemGrants ?? {}));
    for (const { item, quantity } of completed) {
      expected.set(item.id, (expected.get(item.id) ?? 0) + quantity);
    }
    const owned = new Map(inventory.map(({ item, quantity }) => [item.id, quantity]));
    for (const itemId of new Set([...expected.keys(), ...owned.keys()])) {
      expect(owned.get(itemId) ?? 0, `${who}: quantity of ${itemId}`).toBe(
        expected.get(itemId) ?? 0,
      );
    }

    if (book.idempotencyKeys !== undefined) {
      expect(purchases, `${who}: one purchase per idempotency key`).toHaveLength(
        new Set(book.idempotencyKeys).size,
      );
    }
  }
  return outcome;
}
