import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  signedInOn,
  startProcessStack,
  type ProcessStack,
  type RouterProcess,
  type SignedInClient,
} from '@play-economy/local-stack';
import { BusTcpProxy } from '../../../packages/chassis/tests/e2e/busTcpProxy.ts';
import { buy, settled } from '../../../subgraphs/trading/tests/support/purchaseClient.ts';
import { readMetric } from '@play-economy/chassis/testing';
import { subscribe, webSocketClient } from '../support/subscribeOverWebSocket.ts';
import { until } from '../support/until.ts';

/**
 * Two routers, each its own process, in front of one process per subgraph, over the real
 * RabbitMQ and a shared Redis (DESIGN §12): what one router's clients cause, the other's see;
 * an update evicts both routers' caches, and is not acknowledged until it has; the rate limit is
 * one budget across them; and a router killed outright loses its sockets, not the service.
 * The subgraphs run one replica each here: replicas of a subgraph need a shared MongoDB
 * (subgraphs/trading/tests/e2e/sagaAcrossReplicas.test.ts).
 */
const amqpUrl = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
/** Operations per caller per minute, across both routers. */
const PER_MINUTE = 200;

const PURCHASE_UPDATED = `subscription { purchaseUpdated { id state quantity item { id price } } }`;
const INVENTORY_CHANGED = `subscription { inventoryChanged { quantity delta item { id } } }`;
const EVICTIONS = 'router_entity_cache_evictions_total';
const ITEM = 'query ($id: ID!) { item(id: $id) { id price } }';

type PurchaseUpdate = {
  purchaseUpdated: { id: string; state: string; quantity: number; item: { id: string } };
};
type InventoryChange = {
  inventoryChanged: { quantity: number; delta: number; item: { id: string } };
};

let dataDir: string;
let redisProxy: BusTcpProxy;
let stack: ProcessStack;
let routerA: RouterProcess;
let routerB: RouterProcess;
/** The admin, signed in through router B. */
let admin: SignedInClient;
const sockets: Client[] = [];
const tag = randomUUID().slice(0, 8);
let players = 0;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'play-economy-routers-'));
  // The routers reach Redis through a relay the test can cut.
  redisProxy = await BusTcpProxy.start(redisUrl);
  stack = await startProcessStack({
    amqpUrl,
    dataDir,
    redisUrl: redisProxy.urlFor(redisUrl),
    replicas: { router: 2 },
    env: {
      LOG_LEVEL: 'error',
      // Keys of this run only: other routers on the same Redis keep their own.
      ROUTER_CACHE_KEY_PREFIX: `test:replicas:${tag}:cache:`,
      ROUTER_RATE_LIMIT_KEY_PREFIX: `test:replicas:${tag}:rate:`,
      ROUTER_RATE_LIMIT_PER_MINUTE: String(PER_MINUTE),
      ROUTER_RATE_LIMIT_PER_SECOND: '1000',
    },
  });
  [routerA, routerB] = stack.routers as [RouterProcess, RouterProcess];
  admin = await stack.signInAsAdmin(1);
}, 180_000);

afterEach(async () => {
  await Promise.all(sockets.splice(0).map((socket) => socket.dispose()));
});

afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.dispose()));
  await stack?.stop();
  await redisProxy?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const player = (via: number) => stack.registerPlayer(`rep${tag}${++players}`, undefined, via);

/** The sum of a metric's series at a router's `/metrics`. */
const metric = (router: RouterProcess, name: string) => readMetric(router.url, name);

/** Reads answered from the shared cache: entities, and whole answers. */
async function cacheHits(router: RouterProcess): Promise<number> {
  const [entities, answers] = await Promise.all([
    metric(router, 'router_entity_cache_hits_total'),
    readMetric(router.url, 'router_operation_cache_lookups_total', {
      cache: 'response',
      outcome: 'hit',
    }),
  ]);
  return entities + answers;
}

/** Waits until `router` runs `count` upstream subscriptions, so no later event is missed. */
async function subscribedUpstream(router: RouterProcess, count: number): Promise<void> {
  await until(
    async () => (await metric(router, 'router_subscription_upstream_streams')) === count,
    15_000,
  );
  // The protocol does not acknowledge a subscribe: give the subgraph a moment to attach it.
  await sleep(200);
}

function socketOn(router: RouterProcess, user: SignedInClient): Client {
  const socket = webSocketClient(router.url, user.accessToken);
  sockets.push(socket);
  return socket;
}

/**
 * Creates an item and waits until both routers have handled its event (which evicts the `Item`
 * lists and the item): a read before that could be evicted again, and miss once more.
 */
async function createItem(price: number): Promise<string> {
  const routers = stack.routers.filter(({ pid }) => pid !== undefined);
  const evictions = await Promise.all(routers.map((router) => metric(router, EVICTIONS)));
  const { data, errors } = await admin.request<{ createItem: { id: string } }>(
    'mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }',
    { input: { name: `Replica ${tag} ${randomUUID().slice(0, 6)}`, description: '', price } },
  );
  if (!data) throw new Error(JSON.stringify(errors));
  for (const [n, router] of routers.entries()) {
    await until(async () => (await metric(router, EVICTIONS)) > evictions[n]!);
  }
  return data.createItem.id;
}

const priceOn = async (router: RouterProcess, id: string) =>
  (await router.client.request<{ item: { price: number } | null }>(ITEM, { id })).data?.item?.price;

describe('subscriptions', () => {
  it('delivers on router A, once each and in order, the events of a purchase made through router B', async () => {
    const buyer = await player(0);
    const itemId = await createItem(12);
    const purchases = subscribe<PurchaseUpdate>(socketOn(routerA, buyer), PURCHASE_UPDATED);
    const changes = subscribe<InventoryChange>(socketOn(routerA, buyer), INVENTORY_CHANGED);
    await subscribedUpstream(routerA, 2);

    const throughB = signedInOn(routerB, buyer);
    const first = await buy(throughB, { itemId, quantity: 2, idempotencyKey: randomUUID() });
    expect((await settled(throughB, first.id)).state).toBe('COMPLETED');
    const second = await buy(throughB, { itemId, quantity: 1, idempotencyKey: randomUUID() });
    expect((await settled(throughB, second.id)).state).toBe('COMPLETED');
    await purchases.waitFor(
      (r) =>
        r.data?.purchaseUpdated.id === second.id && r.data.purchaseUpdated.state === 'COMPLETED',
    );
    await changes.waitFor((r) => r.data?.inventoryChanged.quantity === 3);
    // Anything delivered twice would have arrived by now.
    await sleep(1000);

    for (const result of [...purchases.results, ...changes.results]) {
      expect(result.errors).toBeUndefined();
    }
    expect(
      purchases.results.map(({ data }) => [data?.purchaseUpdated.id, data?.purchaseUpdated.state]),
    ).toEqual([
      [first.id, 'ACCEPTED'],
      [first.id, 'ITEMS_GRANTED'],
      [first.id, 'COMPLETED'],
      [second.id, 'ACCEPTED'],
      [second.id, 'ITEMS_GRANTED'],
      [second.id, 'COMPLETED'],
    ]);
    expect(changes.results.map(({ data }) => data?.inventoryChanged)).toEqual([
      { quantity: 2, delta: 2, item: { id: itemId } },
      { quantity: 3, delta: 1, item: { id: itemId } },
    ]);
  });
});

describe('entity cache shared in Redis', () => {
  it('evicts the item on both routers when it is updated through router B', async () => {
    const id = await createItem(100);
    // A read fills the shared cache; then each router answers from it.
    await until(async () => (await priceOn(routerA, id)) === 100);
    const hits = await Promise.all([routerA, routerB].map(cacheHits));
    expect(await priceOn(routerA, id)).toBe(100);
    expect(await priceOn(routerB, id)).toBe(100);
    expect(await cacheHits(routerA)).toBeGreaterThan(hits[0]!);
    expect(await cacheHits(routerB)).toBeGreaterThan(hits[1]!);

    const evictions = await Promise.all(
      [routerA, routerB].map((router) => metric(router, EVICTIONS)),
    );
    const { errors } = await admin.request(
      'mutation ($id: ID!) { updateItem(id: $id, input: { price: 140 }) { id } }',
      { id },
    );
    expect(errors).toBeUndefined();
    // Each router evicts on its own queue; once it has counted the eviction, its next read (one
    // read, not a poll) is the new price.
    for (const [n, router] of [routerA, routerB].entries()) {
      await until(async () => (await metric(router, EVICTIONS)) > evictions[n]!);
      expect(await priceOn(router, id)).toBe(140);
    }
  });

  it('does not acknowledge an update it could not evict, and evicts it once Redis is back', async () => {
    const id = await createItem(300);
    await until(async () => (await priceOn(routerB, id)) === 300);
    const lagCount = 'router_entity_cache_invalidation_lag_seconds_count';
    const handled = await Promise.all([routerA, routerB].map((router) => metric(router, lagCount)));
    const backendErrors = await metric(routerA, 'router_entity_cache_backend_errors_total');

    redisProxy.refuse = true;
    redisProxy.dropConnections();
    try {
      const { errors } = await admin.request(
        'mutation ($id: ID!) { updateItem(id: $id, input: { price: 330 }) { id } }',
        { id },
      );
      expect(errors).toBeUndefined();
      // The eviction fails on both routers: the event is retried (after 1 s, then 2 s), not
      // acknowledged, so no handled invalidation is counted...
      await sleep(2500);
      expect(await metric(routerA, lagCount)).toBe(handled[0]);
      expect(await metric(routerB, lagCount)).toBe(handled[1]);
      // ...while both routers answer from the catalog, never from a stale entry.
      expect(await priceOn(routerA, id)).toBe(330);
      expect(await priceOn(routerB, id)).toBe(330);
      expect(await metric(routerA, 'router_entity_cache_backend_errors_total')).toBeGreaterThan(
        backendErrors,
      );
    } finally {
      redisProxy.refuse = false;
    }
    // Redis is back: the held event is handled on each router at its next retry (4 s, 8 s).
    for (const [n, router] of [routerA, routerB].entries()) {
      await until(async () => (await metric(router, lagCount)) > handled[n]!, 20_000);
      expect(await priceOn(router, id)).toBe(330);
    }
  }, 60_000);
});

describe('rate limits shared in Redis', () => {
  it('limit a caller spread over both routers by the sum of what it sent', async () => {
    const caller = await player(0);
    const clients = [caller, signedInOn(routerB, caller)];
    const statuses: number[] = [];
    // Registering counted against the address, not this caller: its whole budget is left.
    for (let n = 0; n < PER_MINUTE; n += 1) {
      statuses.push((await clients[n % 2]!.request('{ __typename }')).status);
    }
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    const refused = await Promise.all(clients.map((client) => client.request('{ me { id } }')));
    for (const response of refused) {
      expect(response.status).toBe(429);
      expect(response.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    }
    // Another caller still has its own budget on either router.
    const other = await player(1);
    expect((await other.request('{ me { id } }')).status).toBe(200);
    expect((await signedInOn(routerA, other).request('{ me { id } }')).status).toBe(200);
  });
});

describe('a router killed outright', () => {
  it('closes its subscribers, who resume on router B, which kept serving throughout', async () => {
    const buyer = await player(1);
    const throughB = signedInOn(routerB, buyer);
    const itemId = await createItem(5);
    const onA = subscribe<PurchaseUpdate>(socketOn(routerA, buyer), PURCHASE_UPDATED);
    await subscribedUpstream(routerA, 1);
    const before = await buy(throughB, { itemId, quantity: 1, idempotencyKey: randomUUID() });
    await onA.waitFor(
      (r) =>
        r.data?.purchaseUpdated.id === before.id && r.data.purchaseUpdated.state === 'COMPLETED',
    );

    // Router B answers all along, while A dies.
    let serving = true;
    const statusesOnB: number[] = [];
    const pollB = (async () => {
      while (serving) {
        statusesOnB.push((await throughB.request('{ me { id } }')).status);
        await sleep(20);
      }
    })();
    const exit = await routerA.kill('SIGKILL');
    expect(exit?.signal).toBe('SIGKILL');
    const ending = await onA.ended;
    expect(ending.kind).toBe('error');

    const onB = subscribe<PurchaseUpdate>(socketOn(routerB, buyer), PURCHASE_UPDATED);
    await subscribedUpstream(routerB, 1);
    const after = await buy(throughB, { itemId, quantity: 1, idempotencyKey: randomUUID() });
    await onB.waitFor(
      (r) =>
        r.data?.purchaseUpdated.id === after.id && r.data.purchaseUpdated.state === 'COMPLETED',
    );
    serving = false;
    await pollB;
    expect(onB.results.map(({ data }) => data?.purchaseUpdated.state)).toEqual([
      'ACCEPTED',
      'ITEMS_GRANTED',
      'COMPLETED',
    ]);
    expect(statusesOnB.length).toBeGreaterThan(5);
    expect(statusesOnB.filter((status) => status !== 200)).toEqual([]);

    // A comes back on its port and serves again.
    await routerA.restart();
    expect((await signedInOn(routerA, buyer).request('{ me { id } }')).status).toBe(200);
  }, 60_000);
});
