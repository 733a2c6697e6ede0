import { expect, vi } from 'vitest';
import type { SignedInClient } from '@play-economy/local-stack';
import { expectSagaInvariants, type SagaOutcome } from './expectSagaInvariants.ts';
import { buy, settled, type PurchaseView } from './purchaseClient.ts';

export interface PurchaseBurstOptions {
  admin: SignedInClient;
  /** Fresh players (100 gil, nothing owned); the second one is topped up by 25 gil. */
  buyers: readonly SignedInClient[];
  createItem: (name: string, price: number) => Promise<string>;
  /** Concurrent purchases, spread over the buyers in turn. Default 20. */
  purchases?: number;
  /** Runs while the purchases are being placed, e.g. to stop a service as they arrive. */
  whileOrdering?: () => Promise<unknown>;
  /**
   * Runs once every purchase was accepted, while the saga is in flight: where a test injects
   * its fault (a killed process, a dropped broker connection).
   */
  whileInFlight?: () => Promise<unknown>;
  /** How long each purchase may take to settle once `whileInFlight` is done. Default 20 s. */
  settleTimeoutMs?: number;
  /**
   * Whether some purchases must complete and others fault, as the buyers' gil dictates. A fault
   * that stops a service for longer than the step timeout may fault them all. Default true.
   */
  expectBothOutcomes?: boolean;
  /**
   * After a fault, replies that came late (a grant or debit confirmed after its step was given
   * up) are still being taken back or refunded when the purchases read settled: the invariants
   * are checked until they hold, for up to this long. Default 0: checked once, at once.
   */
  quietWithinMs?: number;
}

/**
 * Concurrent purchases through the router from several players whose gil covers only some of
 * them; every fifth is sent twice at once with the same idempotency key. Then checks the saga's
 * invariants (docs/saga.md) for every buyer ({@link expectSagaInvariants}) and that both outcomes
 * occurred.
 */
export async function purchaseBurst(options: PurchaseBurstOptions): Promise<SagaOutcome> {
  const { admin, buyers, createItem, purchases = 20 } = options;
  const topUp = buyers[1];
  if (topUp) {
    const adjusted = await admin.request(
      'mutation ($id: ID!) { adjustGil(userId: $id, amount: 25) { gil } }',
      { id: topUp.userId },
    );
    expect(adjusted.errors).toBeUndefined();
  }
  const cheap = await createItem('Antidote', 15);
  const dear = await createItem('Megalixir', 45);
  const keys = new Map<SignedInClient, string[]>(buyers.map((buyer) => [buyer, []]));
  const order = (buyer: SignedInClient, input: Parameters<typeof buy>[1]) => {
    keys.get(buyer)!.push(input.idempotencyKey);
    return buy(buyer, input);
  };
  // Trading learns of new items from catalog's events: wait until it sells both.
  const [first] = buyers;
  await order(first!, { itemId: cheap, quantity: 1, idempotencyKey: 'warm-up-1' });
  await order(first!, { itemId: dear, quantity: 1, idempotencyKey: 'warm-up-2' });

  const orders = Array.from({ length: purchases }, (_, n) => ({
    buyer: buyers[n % buyers.length]!,
    input: {
      itemId: n % 2 === 0 ? cheap : dear,
      quantity: 1 + (n % 3),
      idempotencyKey: `burst-${n}`,
    },
  }));
  const [accepted] = await Promise.all([
    Promise.all(
      orders.map(async ({ buyer, input }, n) => {
        if (n % 5 !== 0) return order(buyer, input);
        const [once, twice] = await Promise.all([order(buyer, input), order(buyer, input)]);
        expect(twice.id).toBe(once.id);
        return once;
      }),
    ),
    options.whileOrdering?.(),
  ]);
  await options.whileInFlight?.();
  const outcomes = await Promise.all(
    accepted.map((purchase, n) =>
      settled<PurchaseView>(
        orders[n]!.buyer,
        purchase.id,
        undefined,
        options.settleTimeoutMs ?? 20_000,
      ),
    ),
  );
  if (options.expectBothOutcomes ?? true) {
    expect(outcomes.some((purchase) => purchase.state === 'COMPLETED')).toBe(true);
    expect(outcomes.some((purchase) => purchase.state === 'FAULTED')).toBe(true);
  }

  const check = () =>
    expectSagaInvariants(
      buyers.map((player) => ({
        player,
        gilAdjustments: player === topUp ? 25 : 0,
        idempotencyKeys: keys.get(player)!,
      })),
    );
  const quietWithinMs = options.quietWithinMs ?? 0;
  return quietWithinMs > 0 ? vi.waitFor(check, { timeout: quietWithinMs, interval: 500 }) : check();
}
