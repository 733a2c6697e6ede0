import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGraphQLClient,
  startStack,
  type GraphQLClient,
  type RunningStack,
  type SignedInClient,
} from '@play-economy/local-stack';
import type { RouterOptions, RunningRouter } from '../../src/index.ts';
import { BusTcpProxy } from '../../../packages/chassis/tests/e2e/busTcpProxy.ts';
import { startRouterBeside } from '../support/startRouterBeside.ts';
import { readMetric } from '@play-economy/chassis/testing';
import { startCountingProxy, type CountingProxy } from '../support/startCountingProxy.ts';

const amqpUrl = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const env = { ...process.env, AMQP_URL: amqpUrl, LOG_LEVEL: 'warn' };

const ITEM = 'query ($id: ID!) { item(id: $id) { id name price } }';
const ITEMS =
  'query ($search: String) { items(search: $search) { edges { node { id name price } } } }';
const OWNED =
  'query ($search: String) { items(search: $search) { edges { node { name price ownedQuantity } } } }';
const ME = '{ me { id username gil } }';

let stack: RunningStack;
let admin: SignedInClient;
let proxies: Record<string, CountingProxy>;
const routers: RunningRouter[] = [];

beforeAll(async () => {
  stack = await startStack({ env, ephemeralPorts: true });
  admin = await stack.signInAsAdmin();
  proxies = {};
  for (const [name, url] of Object.entries(stack.subgraphUrls)) {
    proxies[name] = await startCountingProxy(url);
  }
});

afterAll(async () => {
  for (const router of routers) await router.stop();
  for (const proxy of Object.values(proxies ?? {})) await proxy.stop();
  await stack?.stop();
});

/** A router of its own in front of the stack's subgraphs, through the counting proxies. */
async function startCachingRouter(cache: RouterOptions['cache'] = {}): Promise<RunningRouter> {
  const router = await startRouterBeside(stack, {
    watchSupergraph: false,
    subgraphUrls: Object.fromEntries(
      Object.entries(proxies).map(([name, proxy]) => [name, proxy.url]),
    ),
    cache: { amqpUrl, ...cache },
  });
  routers.push(router);
  return router;
}

function clientOf(router: RunningRouter, signedIn?: SignedInClient): GraphQLClient {
  return createGraphQLClient(
    router.url,
    signedIn ? { authorization: `Bearer ${signedIn.accessToken}` } : {},
  );
}

/**
 * Creates an item and waits until every caching router has processed its event, which evicts
 * the `Item` lists: a query warmed before that would be evicted again, and miss once more.
 */
async function createItem(name: string, price: number): Promise<string> {
  const processed = Promise.all(
    routers.map(
      (router) =>
        new Promise<void>((resolve) => {
          const stop = router.cacheStats!.onInvalidation((_lag, tags) => {
            if (tags.length === 1 && tags[0] === 'Item') {
              stop();
              resolve();
            }
          });
        }),
    ),
  );
  const { data, errors } = await admin.request<{ createItem: { id: string } }>(
    'mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }',
    { input: { name, description: 'for the cache tests', price } },
  );
  if (!data) throw new Error(JSON.stringify(errors));
  await processed;
  return data.createItem.id;
}

async function updatePrice(id: string, price: number): Promise<void> {
  const { errors } = await admin.request(
    'mutation ($id: ID!, $price: Int!) { updateItem(id: $id, input: { price: $price }) { id } }',
    { id, price },
  );
  expect(errors).toBeUndefined();
}

async function priceOf(client: GraphQLClient, id: string): Promise<number | undefined> {
  const { data } = await client.request<{ item: { price: number } | null }>(ITEM, { id });
  return data?.item?.price;
}

/** Polls until `read` gives `expected`, for at most 5 s; returns what it read last. */
async function eventually<T>(read: () => Promise<T>, expected: T): Promise<T> {
  const deadline = Date.now() + 5000;
  let last = await read();
  while (last !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await read();
  }
  return last;
}

/** A lookup count of the router's `/metrics`: `router_operation_cache_lookups_total`. */
const lookups = (router: RunningRouter, cache: string, outcome: string) =>
  readMetric(router.url, 'router_operation_cache_lookups_total', { cache, outcome });

describe('in memory', () => {
  let router: RunningRouter;
  let client: GraphQLClient;

  beforeAll(async () => {
    // Entities alone: whole answers would answer every repeated query before them.
    router = await startCachingRouter({ responses: { enabled: false } });
    client = clientOf(router);
  });

  it('answers a repeated item query without calling the catalog again', async () => {
    const id = await createItem(`Ether ${randomUUID()}`, 150);
    expect(await priceOf(client, id)).toBe(150);
    const calls = proxies['catalog']!.count;
    for (let i = 0; i < 3; i += 1) expect(await priceOf(client, id)).toBe(150);
    expect(proxies['catalog']!.count).toBe(calls);
    expect(router.cacheStats!.snapshot().hits).toBeGreaterThanOrEqual(3);
  });

  it('answers a repeated items query from the cache, and shows a new item at once', async () => {
    const tag = randomUUID();
    await createItem(`Potion ${tag}`, 50);
    const search = { search: tag };
    const first = await client.request<{ items: { edges: unknown[] } }>(ITEMS, search);
    expect(first.data?.items.edges).toHaveLength(1);
    const calls = proxies['catalog']!.count;
    await client.request(ITEMS, search);
    expect(proxies['catalog']!.count).toBe(calls);

    await createItem(`Hi-Potion ${tag}`, 80);
    const count = () =>
      client
        .request<{ items: { edges: unknown[] } }>(ITEMS, search)
        .then(({ data }) => data?.items.edges.length);
    expect(await eventually(count, 2)).toBe(2);
  });

  it('serves the new price once the update event is processed, long before the TTL', async () => {
    const id = await createItem(`Elixir ${randomUUID()}`, 500);
    expect(await priceOf(client, id)).toBe(500);
    expect(await priceOf(client, id)).toBe(500);
    const before = router.cacheStats!.snapshot().invalidations;

    await updatePrice(id, 750);
    expect(await eventually(() => priceOf(client, id), 750)).toBe(750);
    // And it is cached again: the next read costs the catalog nothing.
    const calls = proxies['catalog']!.count;
    expect(await priceOf(client, id)).toBe(750);
    expect(proxies['catalog']!.count).toBe(calls);
    const stats = router.cacheStats!.snapshot();
    expect(stats.invalidations).toBeGreaterThan(before);
    expect(stats.evictions).toBeGreaterThan(0);
    expect(stats.invalidationLagMs.count).toBeGreaterThan(0);
  });

  it('reports hits, misses, evictions and invalidation lag at /metrics', async () => {
    const id = await createItem(`Megalixir ${randomUUID()}`, 900);
    await priceOf(client, id);
    await priceOf(client, id);
    await updatePrice(id, 950);
    await eventually(() => priceOf(client, id), 950);
    const valueOf = (name: string) => readMetric(router.url, name);
    const stats = router.cacheStats!.snapshot();
    expect(await valueOf('router_entity_cache_hits_total')).toBe(stats.hits);
    expect(await valueOf('router_entity_cache_misses_total')).toBe(stats.misses);
    expect(await valueOf('router_entity_cache_evictions_total')).toBe(stats.evictions);
    expect(await valueOf('router_entity_cache_invalidation_lag_seconds_count')).toBe(
      stats.invalidationLagMs.count,
    );
  });

  it('stops serving a deleted item', async () => {
    const id = await createItem(`Remedy ${randomUUID()}`, 90);
    expect(await priceOf(client, id)).toBe(90);
    await admin.request('mutation ($id: ID!) { deleteItem(id: $id) }', { id });
    const item = () =>
      client.request<{ item: unknown }>(ITEM, { id }).then(({ data }) => data?.item);
    expect(await eventually(item, null)).toBeNull();
  });

  it('fetches only the entities it does not hold, and never caches ownedQuantity', async () => {
    const tag = randomUUID();
    const player = await stack.registerPlayer(`p${tag.slice(0, 8)}`);
    const playerClient = clientOf(router, player);
    await createItem(`Antidote ${tag}`, 20);
    await createItem(`Eye Drops ${tag}`, 30);
    const query = () =>
      playerClient.request<{
        items: { edges: { node: { name: string; price: number; ownedQuantity: number } }[] };
      }>(OWNED, { search: tag });
    expect((await query()).data?.items.edges).toHaveLength(2);
    const catalogCalls = proxies['catalog']!.count;
    const inventoryCalls = proxies['inventory']!.count;
    const { data } = await query();
    expect(data?.items.edges.map(({ node }) => node.ownedQuantity)).toEqual([0, 0]);
    expect(proxies['catalog']!.count).toBe(catalogCalls);
    // Per caller, so always asked for.
    expect(proxies['inventory']!.count).toBe(inventoryCalls + 1);
  });

  it('asks the catalog only for the entities it does not hold, and keeps their order', async () => {
    const tag = randomUUID().slice(0, 8);
    const player = await stack.registerPlayer(`inv${tag}`);
    const first = await createItem(`Zeus Amulet ${tag}`, 700);
    const second = await createItem(`Aegis Ring ${tag}`, 800);
    const grant = async (itemId: string) => {
      // Inventory learns of a new item from its event: retry while it has not yet.
      const deadline = Date.now() + 5000;
      for (;;) {
        const { errors } = await admin.request(
          'mutation ($user: ID!, $item: ID!) { grantItems(userId: $user, itemId: $item, quantity: 1) { quantity } }',
          { user: player.userId, item: itemId },
        );
        if (!errors) return;
        if (Date.now() > deadline) throw new Error(JSON.stringify(errors));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const INVENTORY = '{ me { inventory { item { id name price } quantity } } }';
    const playerClient = clientOf(router, player);
    type Inventory = { me: { inventory: { item: { id: string; price: number } }[] } };

    await grant(first);
    expect((await playerClient.request<Inventory>(INVENTORY)).data?.me.inventory).toHaveLength(1);
    await grant(second);
    const fetchedBefore = proxies['catalog']!.bodies.length;
    const { data } = await playerClient.request<Inventory>(INVENTORY);
    expect(data?.me.inventory.map(({ item }) => [item.id, item.price])).toEqual([
      [first, 700],
      [second, 800],
    ]);
    const entityFetches = proxies['catalog']!.bodies.slice(fetchedBefore);
    expect(entityFetches).toHaveLength(1);
    expect(entityFetches[0]?.variables?.['representations']).toEqual([
      { __typename: 'Item', id: second },
    ]);
  });

  it('never gives one user the PRIVATE data of another, with the cache warm', async () => {
    const tag = randomUUID().slice(0, 8);
    const alice = await stack.registerPlayer(`alice${tag}`);
    const bob = await stack.registerPlayer(`bob${tag}`);
    const aliceClient = clientOf(router, alice);
    const bobClient = clientOf(router, bob);
    type Me = { me: { id: string; username: string } };
    for (let i = 0; i < 2; i += 1) {
      expect((await aliceClient.request<Me>(ME)).data?.me.id).toBe(alice.userId);
      expect((await bobClient.request<Me>(ME)).data?.me.id).toBe(bob.userId);
    }
    const anonymous = await clientOf(router).request<{ me: unknown }>(ME);
    expect(anonymous.data?.me ?? null).toBeNull();
    // Alice's gil changes: her cached `me` goes, Bob's stays his.
    const gil = () =>
      aliceClient
        .request<{ me: { gil: number } }>(ME)
        .then(({ data }) => data?.me.gil ?? Number.NaN);
    const before = await gil();
    await admin.request('mutation ($id: ID!) { adjustGil(userId: $id, amount: 25) { id } }', {
      id: alice.userId,
    });
    expect(await eventually(gil, before + 25)).toBe(before + 25);
    expect((await bobClient.request<Me>(ME)).data?.me.id).toBe(bob.userId);
  });

  it('sets Cache-Control from the hints', async () => {
    const id = await createItem(`Tent ${randomUUID()}`, 40);
    expect((await client.request(ITEM, { id })).headers.get('cache-control')).toBe(
      'max-age=60, public',
    );
    const player = await stack.registerPlayer(`h${randomUUID().slice(0, 8)}`);
    const me = await clientOf(router, player).request(ME);
    expect(me.headers.get('cache-control')).toBe('max-age=30, private');
    const owned = await clientOf(router, player).request(OWNED, { search: 'Tent' });
    expect(owned.headers.get('cache-control')).toBe('no-store');
    const mutation = await clientOf(router, admin).request(
      'mutation ($id: ID!) { updateItem(id: $id, input: { price: 41 }) { price } }',
      { id },
    );
    expect(mutation.headers.get('cache-control')).toBe('no-store');
  });
});

describe('whole answers', () => {
  let router: RunningRouter;
  let client: GraphQLClient;

  beforeAll(async () => {
    router = await startCachingRouter();
    client = clientOf(router);
  });

  it('answers a repeated query as kept: no subgraph call, no entity lookup, the same headers', async () => {
    const id = await createItem(`Cottage ${randomUUID()}`, 70);
    const first = await client.request(ITEM, { id });
    const calls = proxies['catalog']!.count;
    const entityLookups = router.cacheStats!.snapshot();
    const hits = await lookups(router, 'response', 'hit');

    const again = await client.request(ITEM, { id });
    expect(again.data).toEqual(first.data);
    expect(again.headers.get('cache-control')).toBe('max-age=60, public');
    expect(again.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(await lookups(router, 'response', 'hit')).toBe(hits + 1);
    expect(proxies['catalog']!.count).toBe(calls);
    const after = router.cacheStats!.snapshot();
    expect(after.hits + after.misses).toBe(entityLookups.hits + entityLookups.misses);
  });

  it('tells answers apart by their variables', async () => {
    const cheap = await createItem(`Antidote ${randomUUID()}`, 3);
    const dear = await createItem(`Ribbon ${randomUUID()}`, 3000);
    for (let i = 0; i < 2; i += 1) {
      expect(await priceOf(client, cheap)).toBe(3);
      expect(await priceOf(client, dear)).toBe(3000);
    }
  });

  it('evicts a kept answer when an entity it holds changes, then keeps the new one', async () => {
    const id = await createItem(`Remedy ${randomUUID()}`, 200);
    expect(await priceOf(client, id)).toBe(200);
    expect(await priceOf(client, id)).toBe(200);
    await updatePrice(id, 220);
    expect(await eventually(() => priceOf(client, id), 220)).toBe(220);
    const hits = await lookups(router, 'response', 'hit');
    expect(await priceOf(client, id)).toBe(220);
    expect(await lookups(router, 'response', 'hit')).toBe(hits + 1);
  });

  it("keeps a signed-in caller's PRIVATE answer for that caller alone, and nothing anonymous", async () => {
    const tag = randomUUID().slice(0, 8);
    const alice = await stack.registerPlayer(`alice${tag}`);
    const bob = await stack.registerPlayer(`bob${tag}`);
    type Me = { me: { id: string } | null };
    const hits = await lookups(router, 'response', 'hit');
    for (let i = 0; i < 2; i += 1) {
      expect((await clientOf(router, alice).request<Me>(ME)).data?.me?.id).toBe(alice.userId);
      expect((await clientOf(router, bob).request<Me>(ME)).data?.me?.id).toBe(bob.userId);
      expect((await client.request<Me>(ME)).data?.me ?? null).toBeNull();
    }
    // The second round: Alice's and Bob's own answers; the anonymous one was never looked up.
    expect(await lookups(router, 'response', 'hit')).toBe(hits + 2);
  });

  it('never keeps an answer with errors', async () => {
    const query = `{ items(first: -1, search: "${randomUUID()}") { totalCount } }`;
    const misses = await lookups(router, 'response', 'miss');
    for (let i = 0; i < 2; i += 1) {
      const { errors, headers } = await client.request(query);
      expect(errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(headers.get('cache-control')).toBe('no-store');
    }
    expect(await lookups(router, 'response', 'miss')).toBe(misses + 2);
  });
});

describe('in Redis, shared by two routers', () => {
  let first: GraphQLClient;
  let second: GraphQLClient;
  let redisProxy: BusTcpProxy;

  beforeAll(async () => {
    const keyPrefix = `test:router-cache:${randomUUID()}:`;
    redisProxy = await BusTcpProxy.start(redisUrl);
    // Generous: on a busy machine a slow answer would read as Redis being down.
    const redisCommandTimeoutMs = 5000;
    first = clientOf(await startCachingRouter({ redisUrl, keyPrefix, redisCommandTimeoutMs }));
    second = clientOf(
      await startCachingRouter({
        redisUrl: redisProxy.urlFor(redisUrl),
        keyPrefix,
        redisCommandTimeoutMs,
      }),
    );
  });

  afterAll(async () => {
    await redisProxy?.close();
  });

  it('shares entries: what one router cached, the other serves without a subgraph call', async () => {
    const id = await createItem(`Megalixir ${randomUUID()}`, 900);
    expect(await priceOf(first, id)).toBe(900);
    const calls = proxies['catalog']!.count;
    expect(await priceOf(second, id)).toBe(900);
    expect(proxies['catalog']!.count).toBe(calls);
  });

  it('both stop serving the old price once the update is processed', async () => {
    const id = await createItem(`Phoenix Down ${randomUUID()}`, 300);
    expect(await priceOf(first, id)).toBe(300);
    expect(await priceOf(second, id)).toBe(300);
    await updatePrice(id, 350);
    expect(await eventually(() => priceOf(first, id), 350)).toBe(350);
    expect(await eventually(() => priceOf(second, id), 350)).toBe(350);
  });

  it('keeps answering, from the subgraphs, while Redis is unreachable', async () => {
    const id = await createItem(`Gold Needle ${randomUUID()}`, 120);
    expect(await priceOf(second, id)).toBe(120);
    redisProxy.refuse = true;
    redisProxy.dropConnections();
    try {
      const calls = proxies['catalog']!.count;
      for (let i = 0; i < 3; i += 1) {
        const { data, errors } = await second.request<{ item: { price: number } }>(ITEM, { id });
        expect(errors).toBeUndefined();
        expect(data?.item.price).toBe(120);
      }
      expect(proxies['catalog']!.count).toBeGreaterThanOrEqual(calls + 3);
      await updatePrice(id, 130);
      expect(await eventually(() => priceOf(second, id), 130)).toBe(130);
    } finally {
      redisProxy.refuse = false;
    }
    // Back: the entries written before the outage are abandoned, not served.
    expect(await eventually(() => priceOf(second, id), 130)).toBe(130);
    expect(await priceOf(first, id)).toBe(130);
  });
});
