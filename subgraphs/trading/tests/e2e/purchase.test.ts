import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type RunningStack, type SignedInClient } from '@play-economy/local-stack';
import {
  buy,
  codeOf,
  gilOf,
  requestPurchase,
  settled,
  type PurchaseView,
} from '../support/purchaseClient.ts';
import { purchaseBurst } from '../support/purchaseBurst.ts';

/** The purchase saga as a player meets it: router, catalog, identity, inventory and trading. */
let stack: RunningStack;
let admin: SignedInClient;
let players = 0;

beforeAll(async () => {
  stack = await startStack({ ephemeralPorts: true });
  admin = await stack.signInAsAdmin();
});

afterAll(async () => {
  await stack?.stop();
});

const player = () => stack.registerPlayer(`buyer${Date.now().toString(36)}${++players}`);

async function createItem(name: string, price: number): Promise<string> {
  const { data, errors } = await admin.request<{ createItem: { id: string } }>(
    'mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }',
    { input: { name, description: `${name} for the trading tests`, price } },
  );
  expect(errors).toBeUndefined();
  return data!.createItem.id;
}

describe('buying through the router', () => {
  it('completes a purchase the player can afford, taking exactly its total', async () => {
    const alice = await player();
    const itemId = await createItem('Hi-Potion', 30);
    const accepted = await buy(alice, { itemId, quantity: 2, idempotencyKey: randomUUID() });
    expect(accepted).toMatchObject({ state: 'ACCEPTED', total: 60, failureReason: null });

    const done = await settled<{ state: string } & Record<string, unknown>>(
      alice,
      accepted.id,
      'state total failureReason item { name price } user { username }',
    );
    expect(done).toEqual({
      state: 'COMPLETED',
      total: 60,
      failureReason: null,
      item: { name: 'Hi-Potion', price: 30 },
      user: { username: expect.stringMatching(/^buyer/) },
    });
    expect(await gilOf(alice)).toBe(40);
  });

  it('faults a purchase the player cannot afford, leaving gil and inventory unchanged', async () => {
    const bob = await player();
    const itemId = await createItem('Elixir', 70);
    const accepted = await buy(bob, { itemId, quantity: 2, idempotencyKey: randomUUID() });
    const done = await settled<PurchaseView>(bob, accepted.id);
    expect(done).toMatchObject({
      state: 'FAULTED',
      total: 140,
      failureReason: 'Not enough gil: the purchase costs 140 gil',
    });
    expect(await gilOf(bob)).toBe(100);
    const { data } = await bob.request<{ me: { inventory: { quantity: number }[] } }>(
      '{ me { inventory { quantity } } }',
    );
    expect(data?.me.inventory.reduce((sum, entry) => sum + entry.quantity, 0) ?? 0).toBe(0);
  });

  it('is NOT_FOUND for an unknown item and records no purchase', async () => {
    const carol = await player();
    const response = await requestPurchase(carol, {
      itemId: 'no-such-item',
      quantity: 1,
      idempotencyKey: randomUUID(),
    });
    expect(codeOf(response)).toBe('NOT_FOUND');
    const { data } = await carol.request<{ me: { purchases: unknown[] } }>(
      '{ me { purchases { id } } }',
    );
    expect(data?.me.purchases).toEqual([]);
  });

  it.each([
    [{ quantity: 0 }, 'quantity'],
    [{ quantity: 101 }, 'quantity'],
    [{ idempotencyKey: '' }, 'idempotencyKey'],
  ])('is BAD_USER_INPUT for %j', async (fields, field) => {
    const dave = await player();
    const response = await requestPurchase(dave, {
      itemId: 'whatever',
      quantity: 1,
      idempotencyKey: 'k',
      ...fields,
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('returns the same purchase for the same idempotency key, CONFLICT for another quantity', async () => {
    const erin = await player();
    const itemId = await createItem('Ether', 10);
    const input = { itemId, quantity: 1, idempotencyKey: randomUUID() };
    const first = await buy(erin, input);
    const again = await requestPurchase(erin, input);
    expect(again.data?.purchase.id).toBe(first.id);
    const conflicting = await requestPurchase(erin, { ...input, quantity: 2 });
    expect(codeOf(conflicting)).toBe('CONFLICT');
    await settled(erin, first.id);
    expect(await gilOf(erin)).toBe(90);
  });

  it("refuses another player's purchase (FORBIDDEN) and anonymous callers", async () => {
    const frank = await player();
    const grace = await player();
    const itemId = await createItem('Tent', 5);
    const purchase = await buy(frank, { itemId, quantity: 1, idempotencyKey: randomUUID() });
    const peek = await grace.request('query ($id: ID!) { purchase(id: $id) { id total } }', {
      id: purchase.id,
    });
    expect(codeOf(peek)).toBe('FORBIDDEN');
    const anonymous = await stack.client.request('query ($id: ID!) { purchase(id: $id) { id } }', {
      id: purchase.id,
    });
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
    const asAdmin = await admin.request<{ purchase: { id: string } }>(
      'query ($id: ID!) { purchase(id: $id) { id } }',
      { id: purchase.id },
    );
    expect(asAdmin.data?.purchase.id).toBe(purchase.id);
    const missing = await frank.request('query { purchase(id: "missing") { id } }');
    expect(missing).toMatchObject({ data: { purchase: null } });
    expect(missing.errors).toBeUndefined();
  });

  it('lists my purchases newest first', async () => {
    const heidi = await player();
    const itemId = await createItem('Phoenix Down', 10);
    const ids: string[] = [];
    for (let n = 0; n < 3; n++) {
      ids.push((await buy(heidi, { itemId, quantity: 1, idempotencyKey: `order-${n}` })).id);
    }
    for (const id of ids) await settled(heidi, id);
    const { data, errors } = await heidi.request<{
      me: { purchases: { id: string; state: string }[] };
    }>('{ me { purchases { id state } } }');
    expect(errors).toBeUndefined();
    expect(data?.me.purchases).toEqual(
      [...ids].reverse().map((id) => ({ id, state: 'COMPLETED' })),
    );
  });
});

describe('concurrent purchases', () => {
  it('settles every purchase and keeps each balance and inventory exact', async () => {
    await purchaseBurst({
      admin,
      buyers: [await player(), await player(), await player()],
      createItem,
    });
  });
});
