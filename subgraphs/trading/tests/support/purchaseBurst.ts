import { expect } from 'vitest';
import type { SignedInClient } from '@play-economy/local-stack';
import { buy, settled, type PurchaseView } from './purchaseClient.ts';

interface Ledger {
  gil: number;
  purchases: { state: string; total: number; quantity: number; item: { id: string } }[];
  inventory: { item: { id: string }; quantity: number }[];
}

const LEDGER = `{ me {
  gil
  purchases { state total quantity item { id } }
  inventory { item { id } quantity }
} }`;

/**
 * 20 concurrent purchases from 3 fresh players (starting with 100 gil; the second one topped
 * up by an admin) whose gil covers only some of them. Then checks DESIGN's invariants for each
 * player: every purchase ended COMPLETED or FAULTED, gil = 100 + adjustments − totals of
 * COMPLETED purchases, and each item's quantity = quantities of COMPLETED purchases.
 */
export async function purchaseBurst(options: {
  admin: SignedInClient;
  buyers: [SignedInClient, SignedInClient, SignedInClient];
  createItem: (name: string, price: number) => Promise<string>;
}): Promise<void> {
  const { admin, buyers, createItem } = options;
  const adjustments = new Map<string, number>([[buyers[1].userId, 25]]);
  const adjusted = await admin.request(
    'mutation ($id: ID!) { adjustGil(userId: $id, amount: 25) { gil } }',
    { id: buyers[1].userId },
  );
  expect(adjusted.errors).toBeUndefined();
  const cheap = await createItem('Antidote', 15);
  const dear = await createItem('Megalixir', 45);
  // Trading learns of new items from catalog's events: wait until it sells both.
  await buy(buyers[0], { itemId: cheap, quantity: 1, idempotencyKey: 'warm-up-1' });
  await buy(buyers[0], { itemId: dear, quantity: 1, idempotencyKey: 'warm-up-2' });

  const orders = Array.from({ length: 20 }, (_, n) => ({
    buyer: buyers[n % 3]!,
    input: {
      itemId: n % 2 === 0 ? cheap : dear,
      quantity: 1 + (n % 3),
      idempotencyKey: `burst-${n}`,
    },
  }));
  const accepted = await Promise.all(orders.map(({ buyer, input }) => buy(buyer, input)));
  const outcomes = await Promise.all(
    accepted.map((purchase, n) => settled<PurchaseView>(orders[n]!.buyer, purchase.id)),
  );
  expect(outcomes.some((purchase) => purchase.state === 'COMPLETED')).toBe(true);
  expect(outcomes.some((purchase) => purchase.state === 'FAULTED')).toBe(true);

  for (const buyer of buyers) {
    const { data, errors } = await buyer.request<{ me: Ledger }>(LEDGER);
    expect(errors).toBeUndefined();
    const { gil, purchases, inventory } = data!.me;
    const completed = purchases.filter((purchase) => purchase.state === 'COMPLETED');
    expect(purchases.filter((purchase) => purchase.state !== 'FAULTED')).toEqual(completed);
    const spent = completed.reduce((sum, purchase) => sum + purchase.total, 0);
    expect(gil).toBe(100 + (adjustments.get(buyer.userId) ?? 0) - spent);
    for (const itemId of [cheap, dear]) {
      const bought = completed
        .filter((purchase) => purchase.item.id === itemId)
        .reduce((sum, purchase) => sum + purchase.quantity, 0);
      const owned = inventory.find((entry) => entry.item.id === itemId)?.quantity ?? 0;
      expect(owned).toBe(bought);
    }
  }
}
