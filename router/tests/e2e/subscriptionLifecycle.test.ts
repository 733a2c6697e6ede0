import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@play-economy/chassis';
import { start as startInventory, type RunningInventory } from '@play-economy/inventory';
import { loadInventoryConfig } from '@play-economy/inventory/config';
import { startStack, type RunningStack, type SignedInClient } from '@play-economy/local-stack';
import type { Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { SUBGRAPH_UNAVAILABLE_MESSAGE } from '../../src/errors/createRouterErrorFormatter.ts';
import { createRouter, loadRouterConfig, type RunningRouter } from '../../src/index.ts';
import { startTokenIssuer, TEST_AUDIENCE, TEST_ISSUER } from '../support/startTokenIssuer.ts';
import { subscribe, webSocketClient } from '../support/subscribeOverWebSocket.ts';
import { grantWhenKnown } from '../support/grantWhenKnown.ts';
import { startRouterBeside } from '../support/startRouterBeside.ts';
import { until } from '../support/until.ts';

// Real RabbitMQ: every replica of inventory must see every change, whichever router asks.
const amqpUrl = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';

const INVENTORY_CHANGED = `subscription {
  inventoryChanged { quantity delta item { name } user { username } }
}`;

interface InventoryUpdate {
  inventoryChanged: { quantity: number; delta: number; item: { name: string } };
}

let stack: RunningStack;
let admin: SignedInClient;
let itemId: string;
/** A second inventory replica, on its own port and store, that the second router uses. */
let replica: RunningInventory | undefined;
let replicaPort: number;
/** A second router, beside the stack's, whose inventory is the replica. */
let router: RunningRouter;
const clients: Client[] = [];
const routerConfig = loadRouterConfig(process.env);

function clientOf(url: string, accessToken: string): Client {
  const client = webSocketClient(url, accessToken);
  clients.push(client);
  return client;
}

async function startReplica(port: number): Promise<RunningInventory> {
  const config = loadInventoryConfig({ ...process.env, AMQP_URL: amqpUrl });
  return startInventory({ ...config, INVENTORY_PORT: port, INVENTORY_HOST: '127.0.0.1' });
}

beforeAll(async () => {
  stack = await startStack({ env: { ...process.env, AMQP_URL: amqpUrl }, ephemeralPorts: true });
  admin = await stack.signInAsAdmin();
  const { data } = await admin.request<{ createItem: { id: string } }>(
    'mutation { createItem(input: { name: "Lantern", description: "", price: 3 }) { id } }',
  );
  itemId = data!.createItem.id;
  // Before the replica competes for catalog events: the stack's inventory knows the item.
  await grantWhenKnown(admin, { userId: admin.userId, itemId, quantity: 1 });
  replica = await startReplica(0);
  replicaPort = Number(new URL(replica.url).port);
  router = await startRouterBeside(stack, {
    subgraphUrls: { ...stack.subgraphUrls, inventory: replica.url },
  });
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await router?.stop();
  await replica?.stop();
  await stack?.stop();
});

it('delivers through two routers backed by two inventory replicas', async () => {
  const player = await stack.registerPlayer(`twin${randomUUID().slice(0, 8)}`);
  const viaStack = subscribe<InventoryUpdate>(
    clientOf(stack.routerUrl, player.accessToken),
    INVENTORY_CHANGED,
  );
  const viaSecond = subscribe<InventoryUpdate>(
    clientOf(router.url, player.accessToken),
    INVENTORY_CHANGED,
  );
  await until(
    () =>
      router.subscriptions.upstreamSubscriptions === 1 &&
      router.subscriptions.upstreamConnections === 1,
  );
  await viaStack.connected;
  await new Promise((resolve) => setTimeout(resolve, 200));

  await grantWhenKnown(admin, { userId: player.userId, itemId, quantity: 4 });
  for (const subscription of [viaStack, viaSecond]) {
    const change = await subscription.waitFor((r) => r.data?.inventoryChanged.delta === 4);
    expect(change.data?.inventoryChanged).toMatchObject({
      quantity: 4,
      item: { name: 'Lantern' },
    });
  }
});

it('ends subscriptions with an error when the subgraph restarts, and works again after', async () => {
  const player = await stack.registerPlayer(`restart${randomUUID().slice(0, 8)}`);
  const before = subscribe<InventoryUpdate>(
    clientOf(router.url, player.accessToken),
    INVENTORY_CHANGED,
  );
  await until(() => router.subscriptions.upstreamSubscriptions === 1);
  await until(() => router.subscriptions.upstreamConnections === 1);

  await replica!.stop();
  replica = undefined;
  const ending = await before.ended;
  expect(ending).toMatchObject({
    kind: 'error',
    errors: [{ message: SUBGRAPH_UNAVAILABLE_MESSAGE }],
  });
  await until(() => router.subscriptions.upstreamSubscriptions === 0);
  expect(router.subscriptions.upstreamConnections).toBe(0);
  expect(router.subscriptions.clientSubscriptions).toBe(0);

  replica = await startReplica(replicaPort);
  const after = subscribe<InventoryUpdate>(
    clientOf(router.url, player.accessToken),
    INVENTORY_CHANGED,
  );
  await until(() => router.subscriptions.upstreamConnections === 1);
  await new Promise((resolve) => setTimeout(resolve, 200));
  await grantWhenKnown(admin, { userId: player.userId, itemId, quantity: 2 });
  const change = await after.waitFor((r) => r.data?.inventoryChanged.delta === 2);
  expect(change.data?.inventoryChanged.quantity).toBe(2);
});

it('closes a connection whose access token expires, with 4401 and a reason', async () => {
  const issuer = await startTokenIssuer();
  const expiring = await startRouterBeside(stack, {
    subgraphUrls: stack.subgraphUrls,
    auth: { jwksUrl: issuer.jwksUrl, issuer: TEST_ISSUER, audience: TEST_AUDIENCE },
  });
  try {
    const token = await issuer.aToken().withSubject('someone').expiringIn(2).sign();
    const subscription = subscribe(clientOf(expiring.url, token), INVENTORY_CHANGED);
    await subscription.connected;
    expect(await subscription.ended).toEqual({
      kind: 'error',
      code: 4401,
      reason: 'Access token expired',
    });
    expect(expiring.subscriptions.expiredConnectionsClosed).toBe(1);
  } finally {
    await expiring.stop();
    await issuer.stop();
  }
});

it('applies @authenticated to subscription fields before anything reaches a subgraph', async () => {
  // A router that takes no tokens lets anonymous callers connect; the directive still holds.
  const { auth: _auth, ...withoutAuth } = routerConfig;
  const anonymousRouter = await createRouter({
    ...withoutAuth,
    port: 0,
    host: '127.0.0.1',
    subgraphUrls: stack.subgraphUrls,
    logger: createLogger({ service: 'router', level: 'warn' }),
  });
  try {
    // And a router that verifies tokens takes a connection without one as anonymous too.
    for (const url of [anonymousRouter.url, stack.routerUrl]) {
      const client = webSocketClient(url);
      clients.push(client);
      const attempt = subscribe(client, INVENTORY_CHANGED);
      const ending = await attempt.ended;
      const errors = ending.kind === 'error' ? ending.errors : attempt.results[0]?.errors;
      expect(errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    }
    expect(anonymousRouter.subscriptions.upstreamConnectionsOpened).toBe(0);
  } finally {
    await anonymousRouter.stop();
  }
});

it('closes client connections with 1001 when the router stops', async () => {
  const stopping = await startRouterBeside(stack, { subgraphUrls: stack.subgraphUrls });
  const player = await stack.registerPlayer(`stop${randomUUID().slice(0, 8)}`);
  const subscription = subscribe(clientOf(stopping.url, player.accessToken), INVENTORY_CHANGED);
  await until(() => stopping.subscriptions.upstreamSubscriptions === 1);
  await stopping.stop();
  expect(await subscription.ended).toMatchObject({ kind: 'error', code: 1001 });
  expect(stopping.subscriptions.upstreamConnections).toBe(0);
});

it('plans new subscriptions on a reloaded supergraph; running ones carry on', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'subscriptions-reload-'));
  const supergraphPath = join(dir, 'supergraph.graphql');
  const original = await readFile(routerConfig.supergraphPath, 'utf8');
  await writeFile(supergraphPath, original);
  const reloading = await startRouterBeside(stack, {
    supergraphPath,
    subgraphUrls: stack.subgraphUrls,
  });
  try {
    const player = await stack.registerPlayer(`reload${randomUUID().slice(0, 8)}`);
    const running = subscribe<InventoryUpdate>(
      clientOf(reloading.url, player.accessToken),
      INVENTORY_CHANGED,
    );
    await until(() => reloading.subscriptions.upstreamConnections === 1);

    // The same supergraph without Subscription.purchaseUpdated (and its description).
    const start = original.indexOf('Your purchases as they move');
    const from = original.lastIndexOf('\n\n', start);
    const to = original.indexOf('\n', original.indexOf('purchaseUpdated(id: ID)', start));
    const withoutPurchaseUpdated = original.slice(0, from) + original.slice(to);
    expect(withoutPurchaseUpdated).not.toContain('purchaseUpdated(');
    await writeFile(supergraphPath, withoutPurchaseUpdated);
    await until(() => !reloading.supergraph.sdl.includes('purchaseUpdated('));

    const refused = subscribe(
      clientOf(reloading.url, player.accessToken),
      'subscription { purchaseUpdated { id } }',
    );
    const ending = await refused.ended;
    expect(ending).toMatchObject({
      kind: 'error',
      errors: [
        {
          message: expect.stringContaining('purchaseUpdated'),
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });

    await grantWhenKnown(admin, { userId: player.userId, itemId, quantity: 1 });
    const change = await running.waitFor((r) => r.data?.inventoryChanged.delta === 1);
    expect(change.data?.inventoryChanged.item.name).toBe('Lantern');
  } finally {
    await reloading.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
