import { randomUUID } from 'node:crypto';
import { startStack, type RunningStack, type SignedInClient } from '@play-economy/local-stack';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { grantWhenKnown } from '../support/grantWhenKnown.ts';
import { subscribe, webSocketClient } from '../support/subscribeOverWebSocket.ts';

// Embedded mode: one process, in-process bus, no broker.
let stack: RunningStack;
let admin: SignedInClient;
const clients: Client[] = [];

beforeAll(async () => {
  stack = await startStack({ env: { ...process.env, AMQP_URL: undefined }, ephemeralPorts: true });
  admin = await stack.signInAsAdmin();
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await stack?.stop();
});

it('delivers inventory changes through the router on the in-process bus', async () => {
  const player = await stack.registerPlayer(`embedded${randomUUID().slice(0, 8)}`);
  const { data } = await admin.request<{ createItem: { id: string } }>(
    'mutation { createItem(input: { name: "Compass", description: "", price: 4 }) { id } }',
  );
  const itemId = data!.createItem.id;
  const client = webSocketClient(stack.routerUrl, player.accessToken);
  clients.push(client);
  const changes = subscribe<{
    inventoryChanged: { quantity: number; delta: number; item: { name: string } };
  }>(client, 'subscription { inventoryChanged { quantity delta item { name } } }');
  await changes.connected;
  await new Promise((resolve) => setTimeout(resolve, 200));

  await grantWhenKnown(admin, { userId: player.userId, itemId, quantity: 2 });
  const change = await changes.waitFor(() => true);
  expect(change.data?.inventoryChanged).toEqual({
    quantity: 2,
    delta: 2,
    item: { name: 'Compass' },
  });
});
