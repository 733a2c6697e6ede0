import { randomUUID } from 'node:crypto';
import { startStack, type RunningStack, type SignedInClient } from '@play-economy/local-stack';
import type { Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { RunningRouter } from '../../src/index.ts';
import {
  connectionOutcome,
  subscribe,
  webSocketClient,
} from '../support/subscribeOverWebSocket.ts';
import { grantWhenKnown } from '../support/grantWhenKnown.ts';
import { startRouterBeside } from '../support/startRouterBeside.ts';
import { until } from '../support/until.ts';

// Real RabbitMQ, as in production: without a broker the stack does not start and this fails.
const amqpUrl = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';

const PURCHASE_UPDATED = `subscription ($id: ID) {
  purchaseUpdated(id: $id) { id state quantity total failureReason item { name price } user { username } }
}`;
const INVENTORY_CHANGED = `subscription ($userId: ID) {
  inventoryChanged(userId: $userId) { quantity delta item { id name price } user { id username } }
}`;

interface PurchaseUpdate {
  purchaseUpdated: {
    id: string;
    state: string;
    failureReason: string | null;
    item: { name: string; price: number };
    user: { username: string };
  };
}
interface InventoryUpdate {
  inventoryChanged: {
    quantity: number;
    delta: number;
    item: { id: string; name: string; price: number };
    user: { id: string; username: string };
  };
}

let stack: RunningStack;
let admin: SignedInClient;
/** A router of the test's own, beside the stack's, to look at its counts. */
let router: RunningRouter;
const clients: Client[] = [];

function clientOf(player: SignedInClient, url = stack.routerUrl): Client {
  const client = webSocketClient(url, player.accessToken);
  clients.push(client);
  return client;
}

const name = (prefix: string) => `${prefix}${randomUUID().slice(0, 8)}`;

async function createItem(itemName: string, price: number): Promise<string> {
  const { data, errors } = await admin.request<{ createItem: { id: string } }>(
    'mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }',
    { input: { name: itemName, description: '', price } },
  );
  if (!data) throw new Error(JSON.stringify(errors));
  return data.createItem.id;
}

/** Buys, retrying while trading has not yet heard of a just-created item. */
async function buy(player: SignedInClient, itemId: string, quantity: number): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { data, errors } = await player.request<{ purchase: { id: string } }>(
      'mutation ($input: PurchaseInput!) { purchase(input: $input) { id } }',
      { input: { itemId, quantity, idempotencyKey: randomUUID() } },
    );
    if (data?.purchase) return data.purchase.id;
    if (errors?.[0]?.extensions?.['code'] !== 'NOT_FOUND' || Date.now() > deadline) {
      throw new Error(JSON.stringify(errors));
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the router has subscribed upstream, so no event published after is missed. */
async function subscribedUpstream(count: number, on: RunningRouter = router): Promise<void> {
  // Counted when sent; the connection carrying them is acknowledged before they go out.
  await until(
    () =>
      on.subscriptions.upstreamSubscriptions === count && on.subscriptions.upstreamConnections > 0,
  );
  // The protocol does not acknowledge a subscribe: give the subgraph a moment to attach it.
  await new Promise((resolve) => setTimeout(resolve, 100));
}

beforeAll(async () => {
  stack = await startStack({ env: { ...process.env, AMQP_URL: amqpUrl }, ephemeralPorts: true });
  admin = await stack.signInAsAdmin();
  router = await startRouterBeside(stack);
});

// Each test starts from no subscription at all on the test's router.
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  await until(
    () =>
      router.subscriptions.clientSubscriptions === 0 &&
      router.subscriptions.upstreamSubscriptions === 0,
  );
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await router?.stop();
  await stack?.stop();
});

describe('purchaseUpdated', () => {
  it('follows a purchase to COMPLETED with the item resolved from catalog; others see nothing', async () => {
    const buyer = await stack.registerPlayer(name('buyer'));
    const other = await stack.registerPlayer(name('other'));
    const itemId = await createItem(name('Potion'), 7);
    // Identical documents from two users: each must only ever see their own purchases.
    const mine = subscribe<PurchaseUpdate>(clientOf(buyer, router.url), PURCHASE_UPDATED);
    const theirs = subscribe<PurchaseUpdate>(clientOf(other, router.url), PURCHASE_UPDATED);
    await subscribedUpstream(2);

    const purchaseId = await buy(buyer, itemId, 2);
    await mine.waitFor((r) => r.data?.purchaseUpdated.state === 'COMPLETED');
    const states = mine.results.map((r) => r.data?.purchaseUpdated.state);
    expect(states).toEqual(['ACCEPTED', 'ITEMS_GRANTED', 'COMPLETED']);
    for (const result of mine.results) {
      expect(result.errors).toBeUndefined();
      expect(result.data?.purchaseUpdated).toMatchObject({
        id: purchaseId,
        item: { price: 7 },
        user: { username: expect.stringMatching(/^buyer/) },
      });
    }
    expect(theirs.results).toEqual([]);
    mine.unsubscribe();
    theirs.unsubscribe();
  });

  it('goes to FAULTED when the gil is short', async () => {
    const buyer = await stack.registerPlayer(name('poor'));
    const itemId = await createItem(name('Crown'), 1000);
    const purchases = subscribe<PurchaseUpdate>(clientOf(buyer, router.url), PURCHASE_UPDATED);
    await subscribedUpstream(1);
    const purchaseId = await buy(buyer, itemId, 1);
    const faulted = await purchases.waitFor((r) => r.data?.purchaseUpdated.state === 'FAULTED');
    expect(faulted.data?.purchaseUpdated).toMatchObject({
      id: purchaseId,
      item: { price: 1000 },
      failureReason: expect.stringContaining('gil'),
    });
  });

  it('refuses to follow another player’s purchase', async () => {
    const buyer = await stack.registerPlayer(name('owner'));
    const snoop = await stack.registerPlayer(name('snoop'));
    const itemId = await createItem(name('Ether'), 1);
    const purchaseId = await buy(buyer, itemId, 1);
    const attempt = subscribe<PurchaseUpdate>(clientOf(snoop), PURCHASE_UPDATED, {
      id: purchaseId,
    });
    await attempt.ended;
    expect(attempt.results[0]?.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});

describe('inventoryChanged', () => {
  it('fires on an admin grant and on a completed purchase, with quantity and delta', async () => {
    const player = await stack.registerPlayer(name('holder'));
    const other = await stack.registerPlayer(name('bystander'));
    const itemId = await createItem(name('Elixir'), 5);
    const changes = subscribe<InventoryUpdate>(clientOf(player, router.url), INVENTORY_CHANGED);
    const othersChanges = subscribe<InventoryUpdate>(
      clientOf(other, router.url),
      INVENTORY_CHANGED,
    );
    await subscribedUpstream(2);

    await grantWhenKnown(admin, { userId: player.userId, itemId, quantity: 3 });
    const granted = await changes.waitFor((r) => r.data?.inventoryChanged.delta === 3);
    expect(granted.data?.inventoryChanged).toMatchObject({
      quantity: 3,
      delta: 3,
      item: { id: itemId, price: 5 },
      user: { id: player.userId, username: expect.stringMatching(/^holder/) },
    });

    await buy(player, itemId, 2);
    const bought = await changes.waitFor((r) => r.data?.inventoryChanged.delta === 2);
    expect(bought.data?.inventoryChanged).toMatchObject({ quantity: 5, delta: 2 });
    expect(othersChanges.results).toEqual([]);
  });

  it('lets an admin watch any user; a player naming another user is FORBIDDEN', async () => {
    const player = await stack.registerPlayer(name('watched'));
    const snoop = await stack.registerPlayer(name('peeker'));
    const itemId = await createItem(name('Tent'), 2);
    const watching = subscribe<InventoryUpdate>(clientOf(admin, router.url), INVENTORY_CHANGED, {
      userId: player.userId,
    });
    const peeking = subscribe<InventoryUpdate>(clientOf(snoop), INVENTORY_CHANGED, {
      userId: player.userId,
    });
    await subscribedUpstream(1);
    await grantWhenKnown(admin, { userId: player.userId, itemId, quantity: 1 });
    const seen = await watching.waitFor((r) => r.data?.inventoryChanged.delta === 1);
    expect(seen.data?.inventoryChanged.user.id).toBe(player.userId);
    await peeking.ended;
    expect(peeking.results[0]?.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});

describe('connections', () => {
  it('takes a connection without a token as anonymous, as HTTP does, and refuses a bad one with 4401', async () => {
    expect(await connectionOutcome(router.url, undefined)).toMatchObject({ acknowledged: true });
    expect(
      await connectionOutcome(router.url, { Authorization: 'Bearer not.a.token' }),
    ).toMatchObject({ acknowledged: false, code: 4401 });
    const player = await stack.registerPlayer(name('valid'));
    expect(
      await connectionOutcome(router.url, { Authorization: `Bearer ${player.accessToken}` }),
    ).toMatchObject({ acknowledged: true });
  });

  it('shares one upstream subscription per document and identity, and releases it', async () => {
    const player = await stack.registerPlayer(name('sharer'));
    const before = 0;
    const a = subscribe(clientOf(player, router.url), INVENTORY_CHANGED);
    const b = subscribe(clientOf(player, router.url), INVENTORY_CHANGED);
    await until(() => router.subscriptions.clientSubscriptions >= 2);
    expect(router.subscriptions.upstreamSubscriptions).toBe(before + 1);
    a.unsubscribe();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(router.subscriptions.upstreamSubscriptions).toBe(before + 1);
    b.unsubscribe();
    await until(() => router.subscriptions.upstreamSubscriptions === before);
  });
});

describe('limits', () => {
  it('runs at most 100 subscriptions on one connection', async () => {
    // Opened in one burst: rate and message limits (tested on their own) must not interfere.
    const router = await startRouterBeside(stack, {
      limits: { maxMessagesPerSecond: 1000, rateLimits: { perMinute: 0, perSecond: 1 } },
    });
    onTestFinished(() => router.stop());
    const player = await stack.registerPlayer(name('greedy'));
    const client = clientOf(player, router.url);
    const accepted = Array.from({ length: 100 }, () => subscribe(client, INVENTORY_CHANGED));
    await until(() => router.subscriptions.clientSubscriptions === 100);
    const refused = subscribe(client, INVENTORY_CHANGED);
    const ending = await refused.ended;
    expect(ending).toMatchObject({
      kind: 'error',
      errors: [{ extensions: { code: 'RATE_LIMITED' } }],
    });
    // All of them ride on one upstream subscription.
    expect(router.subscriptions.upstreamSubscriptions).toBe(1);
    accepted[0]?.unsubscribe();
    await until(() => router.subscriptions.clientSubscriptions === 99);
    const again = subscribe(client, INVENTORY_CHANGED);
    await until(() => router.subscriptions.clientSubscriptions === 100);
    again.unsubscribe();
  });
});
