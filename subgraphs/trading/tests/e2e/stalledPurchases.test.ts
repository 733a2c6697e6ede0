import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createLogger,
  createMessage,
  InProcessBus,
  Role,
  type Message,
  type Viewer,
} from '@play-economy/chassis';
import { loadTradingConfig } from '../../src/config.ts';
import { start, type RunningTrading } from '../../src/server.ts';

/**
 * The stalled-purchase timer in a running trading service. Nobody answers its commands here:
 * the test listens on the bus as inventory would, and never replies.
 */
let bus: InProcessBus;
let trading: RunningTrading;
type PurchasePayload = { purchaseId: string; state?: string };
const grants: Message<PurchasePayload>[] = [];
const updates: Message<PurchasePayload>[] = [];

beforeAll(async () => {
  bus = new InProcessBus({ logger: createLogger({ service: 'bus', level: 'silent' }) });
  await bus.subscribe({
    name: 'test.silent_inventory',
    topics: ['trading.purchase.grant_items'],
    handler: async (message: Message<PurchasePayload>) => {
      grants.push(message);
    },
  });
  await bus.subscribe({
    name: 'test.purchase_updates',
    topics: ['trading.purchase.updated'],
    handler: async (message: Message<PurchasePayload>) => {
      updates.push(message);
    },
  });
  trading = await start(
    loadTradingConfig({
      ...process.env,
      AMQP_URL: '',
      MONGODB_URL: '',
      TRADING_PORT: '0',
      TRADING_HOST: '127.0.0.1',
      PURCHASE_STEP_TIMEOUT_SECONDS: '1',
      PURCHASE_MAX_ATTEMPTS: '2',
    }),
    { bus },
  );
});

afterAll(async () => {
  await trading?.stop();
  await bus?.close();
});

async function until<T>(read: () => T, done: (value: T) => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let value = read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = read();
  }
  return value;
}

it('re-sends an unanswered grant as the same message, then faults the purchase', async () => {
  await bus.publish([
    createMessage('catalog.item.created', {
      id: 'tent',
      name: 'Tent',
      description: '',
      price: 50,
      version: 1,
    }),
  ]);
  const buyer: Viewer = { userId: 'camper', roles: [Role.Player] };
  const request = () =>
    trading.useCases.requestPurchase.execute(buyer, {
      itemId: 'tent',
      quantity: 1,
      idempotencyKey: 'stalled',
    });
  // The price copy is fed asynchronously by the event above.
  let purchase = await request().catch(() => null);
  for (let tries = 0; purchase === null && tries < 100; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    purchase = await request().catch(() => null);
  }
  expect(purchase?.state).toBe('ACCEPTED');
  const id = purchase!.id;

  const sent = await until(
    () => grants.filter((message) => message.payload.purchaseId === id),
    (found) => found.length >= 2,
  );
  expect(sent).toHaveLength(2);
  expect(sent[1]!.id).toBe(sent[0]!.id);

  const faulted = await until(
    () =>
      updates.find(
        (message) => message.payload.purchaseId === id && message.payload.state === 'FAULTED',
      ),
    (found) => found !== undefined,
  );
  expect(faulted?.payload).toMatchObject({
    failureReason: 'The store did not answer in time; nothing was charged',
  });
  expect(await trading.useCases.getPurchase.execute(buyer, id)).toMatchObject({
    state: 'FAULTED',
    attempts: 2,
  });
  // No third send after giving up.
  await new Promise((resolve) => setTimeout(resolve, 1200));
  expect(grants.filter((message) => message.payload.purchaseId === id)).toHaveLength(2);
});
