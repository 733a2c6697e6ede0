import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  startStack,
  watchBroker,
  type BrokerWatch,
  type RunningStack,
  type SignedInClient,
} from '@play-economy/local-stack';
import { anItem } from '../support/anItem.ts';

const amqpUrl = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';

let stack: RunningStack;
let admin: SignedInClient;
let broker: BrokerWatch;

beforeAll(async () => {
  // RabbitMQ, as in production: the catalog publishes through its outbox to the broker.
  broker = await watchBroker(amqpUrl, ['catalog.item.*']);
  stack = await startStack({ env: { ...process.env, AMQP_URL: amqpUrl }, ephemeralPorts: true });
  admin = await stack.signInAsAdmin();
});

afterAll(async () => {
  await broker?.close();
  await stack?.stop();
});

const about = (id: string) => (message: { payload: Record<string, unknown> }) =>
  message.payload['id'] === id;

it('publishes created, updated and deleted events to RabbitMQ, in order, with versions', async () => {
  const input = anItem().named('Phoenix Down').withPrice(300).build();
  const created = await admin.request<{ createItem: { id: string } }>(
    `mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }`,
    { input },
  );
  const id = created.data!.createItem.id;
  await admin.request(`mutation ($id: ID!) { updateItem(id: $id, input: { price: 250 }) { id } }`, {
    id,
  });
  await admin.request(`mutation ($id: ID!) { deleteItem(id: $id) }`, { id });

  const events = await broker.waitFor(about(id), 3);
  expect(events.map((event) => event.type)).toEqual([
    'catalog.item.created',
    'catalog.item.updated',
    'catalog.item.deleted',
  ]);
  expect(events[0]).toMatchObject({ payload: { id, ...input, version: 1 } });
  expect(events[1]).toMatchObject({ payload: { id, price: 250, version: 2 } });
  expect(events[2]).toMatchObject({ payload: { id, version: 3 } });
  for (const event of events) {
    expect(event).toMatchObject({ id: expect.any(String), occurredAt: expect.any(String) });
  }
});

it('publishes nothing for a rejected change', async () => {
  const created = await admin.request<{ createItem: { id: string } }>(
    `mutation { createItem(input: { name: "Tent", description: "", price: 80 }) { id } }`,
  );
  const id = created.data!.createItem.id;
  const rejected = await admin.request(
    `mutation ($id: ID!) { updateItem(id: $id, input: { price: 0 }) { id } }`,
    { id },
  );
  expect(rejected.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  await admin.request(`mutation ($id: ID!) { updateItem(id: $id, input: { price: 90 }) { id } }`, {
    id,
  });
  // The valid update after the rejected one is version 2: the rejection recorded nothing.
  const events = await broker.waitFor(about(id), 2);
  expect(events.map((event) => [event.type, event.payload['version']])).toEqual([
    ['catalog.item.created', 1],
    ['catalog.item.updated', 2],
  ]);
});
