import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startStack, type RunningStack, type SignedInClient } from '@play-economy/local-stack';
import { grantWhenKnown } from '../support/grantWhenKnown.ts';
import { readMetric } from '@play-economy/chassis/testing';
import { subscribe, webSocketClient } from '../support/subscribeOverWebSocket.ts';

// One-process mode: no RabbitMQ; the router hears invalidations on the subgraphs' in-process bus.
const env = { ...process.env, AMQP_URL: '', REDIS_URL: '', LOG_LEVEL: 'warn' };
const ITEM = 'query ($id: ID!) { item(id: $id) { id price } }';

let stack: RunningStack;
let admin: SignedInClient;

beforeAll(async () => {
  stack = await startStack({ env, ephemeralPorts: true });
  admin = await stack.signInAsAdmin();
});

afterAll(async () => {
  await stack?.stop();
});

/** Answers served whole from the response cache, as `/metrics` counts them. */
const responseHits = () =>
  readMetric(stack.routerUrl, 'router_operation_cache_lookups_total', {
    cache: 'response',
    outcome: 'hit',
  });

it('caches in memory and evicts on the in-process bus', async () => {
  // The created event evicts the Item lists: warm the cache only after it.
  const createdProcessed = new Promise<void>((resolve) => {
    const stop = stack.routerCacheStats!.onInvalidation((_lag, tags) => {
      if (tags.length === 1 && tags[0] === 'Item') {
        stop();
        resolve();
      }
    });
  });
  const created = await admin.request<{ createItem: { id: string } }>(
    'mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }',
    { input: { name: `Ribbon ${randomUUID()}`, description: 'in process', price: 10 } },
  );
  const id = created.data!.createItem.id;
  await createdProcessed;
  const price = async () =>
    (await stack.client.request<{ item: { price: number } }>(ITEM, { id })).data?.item.price;
  expect(await price()).toBe(10);
  // The whole answer is kept: the repeat is a response-cache hit, not even an entity lookup.
  const hits = await responseHits();
  const entityHits = stack.routerCacheStats!.snapshot().hits;
  expect(await price()).toBe(10);
  expect(await responseHits()).toBe(hits + 1);
  expect(stack.routerCacheStats!.snapshot().hits).toBe(entityHits);

  await admin.request('mutation ($id: ID!) { updateItem(id: $id, input: { price: 11 }) { id } }', {
    id,
  });
  const deadline = Date.now() + 5000;
  let seen = await price();
  while (seen !== 11 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    seen = await price();
  }
  expect(seen).toBe(11);
});

it('serves the entity fetches of subscription events from the cache too', async () => {
  const player = await stack.registerPlayer(`cached${randomUUID().slice(0, 8)}`);
  const { data } = await admin.request<{ createItem: { id: string } }>(
    'mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }',
    { input: { name: `Lantern ${randomUUID()}`, description: 'lit', price: 6 } },
  );
  const itemId = data!.createItem.id;
  const client = webSocketClient(stack.routerUrl, player.accessToken);
  try {
    const changes = subscribe<{
      inventoryChanged: { quantity: number; item: { price: number } };
    }>(client, 'subscription { inventoryChanged { quantity item { price } } }');
    await changes.connected;
    // The upstream subscription starts just after the acknowledgement.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const grant = () => grantWhenKnown(admin, { userId: player.userId, itemId, quantity: 1 });
    // The first event's item fetch fills the cache (the created event has evicted the lists
    // by then, never this entity); the second reads it from there.
    await grant();
    const first = await changes.waitFor(({ data }) => data?.inventoryChanged.quantity === 1);
    expect(first.data?.inventoryChanged.item).toEqual({ price: 6 });
    const before = stack.routerCacheStats!.snapshot();
    await grant();
    const second = await changes.waitFor(({ data }) => data?.inventoryChanged.quantity === 2);
    expect(second.data?.inventoryChanged.item).toEqual({ price: 6 });
    const after = stack.routerCacheStats!.snapshot();
    expect(after.hits).toBe(before.hits + 1);
    expect(after.misses).toBe(before.misses);
  } finally {
    await client.dispose();
  }
});
