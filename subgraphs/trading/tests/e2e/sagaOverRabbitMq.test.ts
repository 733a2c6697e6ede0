import { randomUUID } from 'node:crypto';
import { connect, type Channel, type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Message } from '@play-economy/chassis';
import {
  startStack,
  watchBroker,
  type BrokerWatch,
  type RunningStack,
  type SignedInClient,
} from '@play-economy/local-stack';
import { buy, gilOf, settled, type PurchaseView } from '../support/purchaseClient.ts';
import { purchaseBurst } from '../support/purchaseBurst.ts';

const amqpUrl = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const EXCHANGE = 'play-economy';

let stack: RunningStack;
let admin: SignedInClient;
let broker: BrokerWatch;
let connection: ChannelModel;
let channel: Channel;

beforeAll(async () => {
  // RabbitMQ, as in production: no broker, no test (the stack does not start).
  broker = await watchBroker(amqpUrl, [
    'trading.purchase.*',
    'inventory.items.*',
    'identity.gil.*',
  ]);
  stack = await startStack({ env: { ...process.env, AMQP_URL: amqpUrl }, ephemeralPorts: true });
  admin = await stack.signInAsAdmin();
  connection = await connect(amqpUrl);
  channel = await connection.createChannel();
});

afterAll(async () => {
  await connection?.close();
  await broker?.close();
  await stack?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Publishes a message as its service would: persistent, with its id as the AMQP message id. */
function publish(message: Message<Record<string, unknown>>): void {
  channel.publish(EXCHANGE, message.type, Buffer.from(JSON.stringify(message)), {
    messageId: message.id,
    type: message.type,
    contentType: 'application/json',
    persistent: true,
  });
}

/** The message itself twice (a redelivery) and a second, distinct reply with the same content. */
function duplicate(message: Message<Record<string, unknown>>): void {
  publish(message);
  publish(message);
  publish({ ...message, id: randomUUID(), occurredAt: new Date().toISOString() });
}

const about = (purchaseId: string, type: string) => (message: Message<Record<string, unknown>>) =>
  message.type === type && message.payload['purchaseId'] === purchaseId;

const count = (purchaseId: string, type: string) =>
  broker.messages.filter(about(purchaseId, type)).length;

async function createItem(name: string, price: number): Promise<string> {
  const { data } = await admin.request<{ createItem: { id: string } }>(
    'mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }',
    { input: { name, description: '', price } },
  );
  return data!.createItem.id;
}

it('completes over RabbitMQ; duplicated replies change nothing', async () => {
  const player = await stack.registerPlayer(`rabbit${Date.now().toString(36)}`);
  const itemId = await createItem('Remedy', 20);
  const accepted = await buy(player, { itemId, quantity: 2, idempotencyKey: randomUUID() });
  const done = await settled<PurchaseView & { updatedAt: string }>(
    player,
    accepted.id,
    'id state total failureReason updatedAt',
  );
  expect(done).toMatchObject({ state: 'COMPLETED', total: 40 });
  expect(await gilOf(player)).toBe(60);
  await broker.waitFor(about(accepted.id, 'trading.purchase.updated'), 3);

  const [granted] = await broker.waitFor(about(accepted.id, 'inventory.items.granted'));
  const [debited] = await broker.waitFor(about(accepted.id, 'identity.gil.debited'));
  duplicate(granted!);
  duplicate(debited!);
  await sleep(1500);

  expect(count(accepted.id, 'trading.purchase.debit_gil')).toBe(1);
  expect(count(accepted.id, 'trading.purchase.subtract_items')).toBe(0);
  expect(count(accepted.id, 'trading.purchase.updated')).toBe(3);
  const again = await settled<{ state: string; updatedAt: string }>(
    player,
    accepted.id,
    'state updatedAt',
  );
  expect(again).toEqual({ state: 'COMPLETED', updatedAt: done.updatedAt });
  expect(await gilOf(player)).toBe(60);
});

it('compensates a failed debit once, however often the failure is reported', async () => {
  const player = await stack.registerPlayer(`rabbit${Date.now().toString(36)}b`);
  const itemId = await createItem('Megalixir', 60);
  const accepted = await buy(player, { itemId, quantity: 2, idempotencyKey: randomUUID() });
  const done = await settled<PurchaseView>(player, accepted.id);
  expect(done).toMatchObject({
    state: 'FAULTED',
    failureReason: 'Not enough gil: the purchase costs 120 gil',
  });
  await broker.waitFor(about(accepted.id, 'trading.purchase.updated'), 4);

  const [failed] = await broker.waitFor(about(accepted.id, 'identity.gil.debit_failed'));
  const [subtracted] = await broker.waitFor(about(accepted.id, 'inventory.items.subtracted'));
  duplicate(failed!);
  duplicate(subtracted!);
  await sleep(1500);

  expect(count(accepted.id, 'trading.purchase.subtract_items')).toBe(1);
  expect(count(accepted.id, 'trading.purchase.updated')).toBe(4);
  expect(await gilOf(player)).toBe(100);
  const { data } = await player.request<{ me: { inventory: { quantity: number }[] } }>(
    '{ me { inventory { quantity } } }',
  );
  expect(data?.me.inventory.reduce((sum, entry) => sum + entry.quantity, 0) ?? 0).toBe(0);
});

it('settles 20 concurrent purchases over RabbitMQ with every balance and inventory exact', async () => {
  const tag = Date.now().toString(36);
  await purchaseBurst({
    admin,
    buyers: [
      await stack.registerPlayer(`burst${tag}a`),
      await stack.registerPlayer(`burst${tag}b`),
      await stack.registerPlayer(`burst${tag}c`),
    ],
    createItem,
  });
});

it('settles 50 concurrent purchases from 8 players over RabbitMQ, every §5 invariant exact', async () => {
  const tag = Date.now().toString(36);
  const buyers = await Promise.all(
    Array.from({ length: 8 }, (_, n) => stack.registerPlayer(`fifty${tag}${n}`)),
  );
  const outcome = await purchaseBurst({ admin, buyers, createItem, purchases: 50 });
  // 52 purchases in all, with the two warm-up ones.
  expect(outcome.completed + outcome.faulted).toBe(52);
});
