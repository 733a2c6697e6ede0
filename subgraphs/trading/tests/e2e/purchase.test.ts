import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startStack,
  type GraphQLResponse,
  type RunningStack,
  type SignedInClient,
} from '@play-economy/local-stack';
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

describe('reading purchases a page at a time', () => {
  type Page = GraphQLResponse<{ me: { purchases: { id: string }[] } | null }>;
  let ivan: SignedInClient;
  /** Ivan's purchase ids newest first, read whole in one page of 100. */
  let everything: string[];
  const PURCHASES = 51;

  const page = (args: string): Promise<Page> =>
    ivan.request(`{ me { purchases${args} { id } } }`) as Promise<Page>;
  const idsOf = (response: Page) => {
    expect(response.errors).toBeUndefined();
    return response.data!.me!.purchases.map((purchase) => purchase.id);
  };

  beforeAll(async () => {
    ivan = await player();
    const itemId = await createItem('Antidote', 1);
    const bought: string[] = [];
    for (let n = 0; n < PURCHASES; n++) {
      bought.push((await buy(ivan, { itemId, quantity: 1, idempotencyKey: `page-${n}` })).id);
    }
    for (const id of bought) await settled(ivan, id);
    everything = idsOf(await page('(first: 100)'));
    // Purchases accepted in the same millisecond come in id order: ListPurchases.test.ts pins
    // the order down; here every purchase is there once.
    expect(everything.toSorted()).toEqual(bought.toSorted());
  });

  it('answers first: 2 with the two newest, and the next two after the id of the last', async () => {
    const first = idsOf(await page('(first: 2)'));
    const second = idsOf(await page(`(first: 2, after: "${first.at(-1)}")`));
    expect(first).toEqual(everything.slice(0, 2));
    expect(second).toEqual(everything.slice(2, 4));
  });

  it('answers the 50 newest without arguments, and the rest after the 50th', async () => {
    const first = idsOf(await page(''));
    expect(first).toEqual(everything.slice(0, 50));
    expect(idsOf(await page(`(after: "${first.at(-1)}")`))).toEqual(everything.slice(50));
  });

  it.each([
    ['(first: 101)', 'first'],
    ['(first: -1)', 'first'],
    ['(after: "no-such-purchase")', 'after'],
  ])('refuses %s with BAD_USER_INPUT naming %s', async (args, field) => {
    const response = await page(args);
    expect(response.data?.me ?? null).toBeNull();
    expect(response.errors?.[0]).toMatchObject({
      path: ['me', 'purchases'],
      extensions: { code: 'BAD_USER_INPUT', field },
    });
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
