import {
  createLogger,
  createMessage,
  InProcessBus,
  routerSecretOf,
  signViewer,
  VIEWER_HEADER,
} from '@play-economy/chassis';
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadInventoryConfig } from '../../src/config.ts';
import { start, type RunningInventory } from '../../src/server.ts';
import { aPlayerViewer, ADMIN } from '../support/anInventory.ts';

// The subgraph on its own, embedded, as the router would reach it: over WebSocket, signed.
const config = loadInventoryConfig({ ...process.env, AMQP_URL: undefined });
const secret = routerSecretOf(config);
const bus = new InProcessBus({ logger: createLogger({ service: 'bus', level: 'warn' }) });
let inventory: RunningInventory;
const clients: Client[] = [];

const CHANGES = `subscription ($userId: ID) {
  inventoryChanged(userId: $userId) { quantity delta user { id } item { id } }
}`;

beforeAll(async () => {
  inventory = await start({ ...config, INVENTORY_PORT: 0, INVENTORY_HOST: '127.0.0.1' }, { bus });
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});

afterAll(async () => {
  await inventory?.stop();
  await bus.close();
});

function connect(connectionParams: Record<string, unknown>): Client {
  const client = createClient({
    url: inventory.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    // The refusal is what one test expects; the others look at their own results.
    onNonLazyError: () => undefined,
    connectionParams,
  });
  clients.push(client);
  return client;
}

/** The router's own connection: its signed anonymous viewer. */
const asRouter = () => connect({ [VIEWER_HEADER]: signViewer(null, secret) });

function run(
  client: Client,
  extensions: Record<string, unknown>,
  variables: Record<string, unknown> = {},
) {
  const results: FormattedExecutionResult<Record<string, unknown>, unknown>[] = [];
  const ended = new Promise<unknown>((resolve) => {
    client.subscribe(
      { query: CHANGES, variables, extensions },
      {
        next: (result) => void results.push(result),
        error: resolve,
        complete: () => resolve('complete'),
      },
    );
  });
  return { results, ended };
}

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it('refuses a connection without the router’s signed viewer', async () => {
  const client = connect({});
  const closed = await new Promise<{ code: number }>((resolve) => {
    client.on('closed', (event) => resolve(event as { code: number }));
  });
  expect(closed.code).toBe(4403);
});

it('streams the changes of the signed caller only', async () => {
  const client = asRouter();
  const alice = run(client, { [VIEWER_HEADER]: signViewer(aPlayerViewer('alice'), secret) });
  const bob = run(client, { [VIEWER_HEADER]: signViewer(aPlayerViewer('bob'), secret) });
  await new Promise((resolve) => client.on('connected', resolve));
  await new Promise((resolve) => setTimeout(resolve, 100));

  await bus.publish([
    createMessage('inventory.changed', {
      userId: 'alice',
      itemId: 'sword',
      quantity: 3,
      delta: 2,
      cause: 'admin-grant',
    }),
  ]);
  await until(() => alice.results.length === 1);
  expect(alice.results[0]).toEqual({
    data: {
      inventoryChanged: { quantity: 3, delta: 2, user: { id: 'alice' }, item: { id: 'sword' } },
    },
  });
  expect(bob.results).toEqual([]);
});

it('lets an admin name any user and refuses a player naming another', async () => {
  const client = asRouter();
  const admin = run(client, { [VIEWER_HEADER]: signViewer(ADMIN, secret) }, { userId: 'carol' });
  const snoop = run(
    client,
    { [VIEWER_HEADER]: signViewer(aPlayerViewer('mallory'), secret) },
    { userId: 'carol' },
  );
  expect(await snoop.ended).toBe('complete');
  expect(snoop.results[0]?.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

  await bus.publish([
    createMessage('inventory.changed', {
      userId: 'carol',
      itemId: 'shield',
      quantity: 1,
      delta: 1,
      cause: 'admin-grant',
    }),
  ]);
  await until(() => admin.results.length === 1);
  expect(admin.results[0]?.data).toMatchObject({ inventoryChanged: { user: { id: 'carol' } } });
});

it('refuses a subscription whose viewer was not signed with the router’s secret', async () => {
  const client = asRouter();
  const forged = run(client, { [VIEWER_HEADER]: signViewer(ADMIN, 'x'.repeat(40)) });
  const ending = (await forged.ended) as readonly { extensions?: Record<string, unknown> }[];
  expect(ending[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
});
