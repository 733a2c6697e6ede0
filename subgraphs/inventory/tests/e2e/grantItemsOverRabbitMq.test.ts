import { randomUUID } from 'node:crypto';
import { connect, type ChannelModel, type ConfirmChannel } from 'amqplib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  startStack,
  watchBroker,
  type BrokerWatch,
  type RunningStack,
  type SignedInClient,
} from '@play-economy/local-stack';
import { anItem } from '../support/anItem.ts';
import { untilSettled } from '../support/untilSettled.ts';

/** The purchase saga's commands to inventory, sent to the real broker as trading would. */
const amqpUrl = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const EXCHANGE = 'play-economy';
const WAIT_MS = 20_000;

let stack: RunningStack;
let admin: SignedInClient;
let broker: BrokerWatch;
let connection: ChannelModel;
let channel: ConfirmChannel;

beforeAll(async () => {
  // RabbitMQ, as in production: no broker, no test (each of these rejects, failing the file).
  broker = await watchBroker(amqpUrl, ['inventory.#'], EXCHANGE);
  stack = await startStack({ env: { ...process.env, AMQP_URL: amqpUrl }, ephemeralPorts: true });
  admin = await stack.signInAsAdmin();
  connection = await connect(amqpUrl);
  channel = await connection.createConfirmChannel();
});

afterAll(async () => {
  await connection?.close();
  await broker?.close();
  await stack?.stop();
});

interface Command {
  id: string;
  type: string;
  occurredAt: string;
  payload: { purchaseId: string; userId: string; itemId: string; quantity: number };
}

function command(
  kind: 'grant_items' | 'subtract_items',
  payload: Omit<Command['payload'], 'purchaseId'>,
): Command {
  return {
    id: randomUUID(),
    type: `trading.purchase.${kind}`,
    occurredAt: new Date().toISOString(),
    payload: { purchaseId: randomUUID(), ...payload },
  };
}

/** Publishes each command, confirmed by the broker; the same message id each time it is given. */
async function publish(commands: readonly Command[]): Promise<void> {
  for (const message of commands) {
    channel.publish(EXCHANGE, message.type, Buffer.from(JSON.stringify(message)), {
      messageId: message.id,
      type: message.type,
      contentType: 'application/json',
      persistent: true,
    });
  }
  await channel.waitForConfirms();
}

const forPurchases = (type: string, commands: readonly Command[]) => {
  const ids = new Set(commands.map((message) => message.payload.purchaseId));
  return (message: { type: string; payload: Record<string, unknown> }) =>
    message.type === type && ids.has(message.payload['purchaseId'] as string);
};

/** Gives duplicates that slipped through the inbox time to show up before counting. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));

async function createKnownItem(): Promise<string> {
  const { data, errors } = await admin.request<{ createItem: { id: string } }>(
    'mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }',
    { input: anItem().build() },
  );
  expect(errors).toBeUndefined();
  const itemId = data!.createItem.id;
  // Inventory hears of the item through RabbitMQ; a probe grant to nobody tells when it has.
  const probe = await untilSettled(
    () =>
      admin.request(
        'mutation ($itemId: ID!) { grantItems(userId: "probe", itemId: $itemId, quantity: 1) { quantity } }',
        { itemId },
      ),
    (response) => response.errors?.[0]?.extensions?.['code'] !== 'NOT_FOUND',
    WAIT_MS,
  );
  expect(probe.errors).toBeUndefined();
  return itemId;
}

async function quantityOwned(player: SignedInClient, itemId: string): Promise<number> {
  const { data, errors } = await player.request<{
    me: { inventory: { quantity: number; item: { id: string } }[] };
  }>('{ me { inventory { quantity item { id } } } }');
  expect(errors).toBeUndefined();
  return data!.me.inventory.find((entry) => entry.item.id === itemId)?.quantity ?? 0;
}

it('grants every command once, though each is delivered twice', async () => {
  const player = await stack.registerPlayer(`buyer_${Date.now().toString(36)}`);
  const itemId = await createKnownItem();
  const commands = [1, 2, 3, 4, 5].map((quantity) =>
    command('grant_items', { userId: player.userId, itemId, quantity }),
  );

  await publish([...commands, ...commands]);

  await broker.waitFor(forPurchases('inventory.items.granted', commands), 5, WAIT_MS);
  await broker.waitFor(forPurchases('inventory.changed', commands), 5, WAIT_MS);
  await settle();
  const granted = broker.messages.filter(forPurchases('inventory.items.granted', commands));
  expect(granted).toHaveLength(5);
  expect(new Set(granted.map((message) => message.payload['purchaseId'])).size).toBe(5);
  for (const message of granted) {
    const sent = commands.find((c) => c.payload.purchaseId === message.payload['purchaseId']);
    expect(message.payload).toMatchObject({ ...sent!.payload, newQuantity: expect.any(Number) });
  }
  expect(Math.max(...granted.map((message) => Number(message.payload['newQuantity'])))).toBe(15);

  const changes = broker.messages.filter(forPurchases('inventory.changed', commands));
  expect(changes).toHaveLength(5);
  expect(changes.every((message) => message.payload['cause'] === 'purchase')).toBe(true);
  expect(changes.reduce((sum, message) => sum + Number(message.payload['delta']), 0)).toBe(15);

  expect(await quantityOwned(player, itemId)).toBe(15);
});

it('replies grant_failed with UNKNOWN_ITEM for an item the catalog never had', async () => {
  const player = await stack.registerPlayer(`unlucky_${Date.now().toString(36)}`);
  const failing = command('grant_items', {
    userId: player.userId,
    itemId: `ghost-${randomUUID()}`,
    quantity: 2,
  });
  await publish([failing, failing]);

  const [reply] = await broker.waitFor(
    forPurchases('inventory.items.grant_failed', [failing]),
    1,
    WAIT_MS,
  );
  expect(reply?.payload).toEqual({ ...failing.payload, reason: 'UNKNOWN_ITEM' });
  await settle();
  expect(
    broker.messages.filter(forPurchases('inventory.items.grant_failed', [failing])),
  ).toHaveLength(1);
  expect(broker.messages.filter(forPurchases('inventory.changed', [failing]))).toHaveLength(0);
});

it('takes a purchase back on subtract_items, once, and never below 0', async () => {
  const player = await stack.registerPlayer(`refunded_${Date.now().toString(36)}`);
  const itemId = await createKnownItem();
  const granted = command('grant_items', { userId: player.userId, itemId, quantity: 4 });
  await publish([granted]);
  await broker.waitFor(forPurchases('inventory.items.granted', [granted]), 1, WAIT_MS);
  expect(await quantityOwned(player, itemId)).toBe(4);

  const compensation = {
    ...command('subtract_items', { userId: player.userId, itemId, quantity: 4 }),
    payload: { ...granted.payload },
  };
  await publish([compensation, compensation]);
  const [subtracted] = await broker.waitFor(
    forPurchases('inventory.items.subtracted', [compensation]),
    1,
    WAIT_MS,
  );
  expect(subtracted?.payload).toEqual({ ...granted.payload, subtracted: 4, newQuantity: 0 });
  await settle();
  expect(
    broker.messages.filter(forPurchases('inventory.items.subtracted', [compensation])),
  ).toHaveLength(1);
  const changes = broker.messages.filter(
    (message) =>
      message.type === 'inventory.changed' &&
      message.payload['purchaseId'] === granted.payload.purchaseId,
  );
  expect(changes.map((message) => [message.payload['cause'], message.payload['delta']])).toEqual([
    ['purchase', 4],
    ['compensation', -4],
  ]);
  expect(await quantityOwned(player, itemId)).toBe(0);

  // Nothing left to take: the reply says 0 were subtracted, and nothing changes.
  const again = command('subtract_items', { userId: player.userId, itemId, quantity: 1 });
  await publish([again]);
  const [empty] = await broker.waitFor(
    forPurchases('inventory.items.subtracted', [again]),
    1,
    WAIT_MS,
  );
  expect(empty?.payload).toMatchObject({ quantity: 1, subtracted: 0, newQuantity: 0 });
});
