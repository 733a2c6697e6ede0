import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import {
  startStack,
  watchBroker,
  type BrokerWatch,
  type RunningStack,
  type SignedInClient,
} from '@play-economy/local-stack';
import { duplicateEveryMessage, type Duplicator } from '../support/duplicateEveryMessage.ts';
import { expectSagaInvariants } from '../support/expectSagaInvariants.ts';
import { purchaseBurst } from '../support/purchaseBurst.ts';

/**
 * Every saga message, commands and replies alike, delivered twice on the real RabbitMQ: the
 * inboxes and the purchase's guarded transitions must make the copies change nothing.
 */
const amqpUrl = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const SAGA_TOPICS = ['trading.purchase.*', 'inventory.items.*', 'identity.gil.*'];

let stack: RunningStack;
let admin: SignedInClient;
let broker: BrokerWatch;
let duplicator: Duplicator;

beforeAll(async () => {
  broker = await watchBroker(amqpUrl, SAGA_TOPICS);
  duplicator = await duplicateEveryMessage(amqpUrl, SAGA_TOPICS);
  stack = await startStack({ env: { ...process.env, AMQP_URL: amqpUrl }, ephemeralPorts: true });
  admin = await stack.signInAsAdmin();
});

afterAll(async () => {
  await stack?.stop();
  await duplicator?.close();
  await broker?.close();
});

async function createItem(name: string, price: number): Promise<string> {
  const { data } = await admin.request<{ createItem: { id: string } }>(
    'mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }',
    { input: { name, description: '', price } },
  );
  return data!.createItem.id;
}

it('settles concurrent purchases exactly once when every message arrives twice', async () => {
  const tag = Date.now().toString(36);
  const buyers = await Promise.all(
    Array.from({ length: 5 }, (_, n) => stack.registerPlayer(`twice${tag}${n}`)),
  );
  await purchaseBurst({ admin, buyers, createItem, purchases: 30 });

  // Late copies are still arriving: the invariants must hold once they have all been handled.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  await vi.waitFor(
    () =>
      expectSagaInvariants(
        buyers.map((player, n) => ({ player, gilAdjustments: n === 1 ? 25 : 0 })),
      ),
    { timeout: 15_000, interval: 500 },
  );

  // Every kind of saga message was really duplicated...
  for (const type of [
    'trading.purchase.grant_items',
    'trading.purchase.debit_gil',
    'trading.purchase.subtract_items',
    'inventory.items.granted',
    'inventory.items.subtracted',
    'identity.gil.debited',
    'identity.gil.debit_failed',
  ]) {
    expect(duplicator.copies.get(type) ?? 0, type).toBeGreaterThan(0);
  }
  // ...and no copy made a service act twice: acting again would publish a new message (a new
  // id) about the same purchase, such as a second debit or a second grant.
  const buyerIds = new Set(buyers.map(({ userId }) => userId));
  const ids = new Map<string, Set<string>>();
  for (const message of broker.messages) {
    const { purchaseId, userId, version } = message.payload as Record<string, unknown>;
    if (typeof purchaseId !== 'string' || !buyerIds.has(String(userId))) continue;
    const key = `${purchaseId} ${message.type}${version === undefined ? '' : ` v${version}`}`;
    ids.set(key, (ids.get(key) ?? new Set()).add(message.id));
  }
  expect(ids.size).toBeGreaterThan(30 * 3);
  const actedTwice = [...ids].filter(([, messageIds]) => messageIds.size > 1).map(([key]) => key);
  expect(actedTwice).toEqual([]);
});
