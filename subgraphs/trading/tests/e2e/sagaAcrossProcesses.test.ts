import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  startProcessStack,
  watchBroker,
  type BrokerWatch,
  type ProcessStack,
  type SignedInClient,
} from '@play-economy/local-stack';
import { expectSagaInvariants } from '../support/expectSagaInvariants.ts';
import { purchaseBurst } from '../support/purchaseBurst.ts';
import { SAGA_TOPICS, untilSagaQuiet } from '../support/untilSagaQuiet.ts';
import { buy, gilOf, settled, type PurchaseView } from '../support/purchaseClient.ts';

/**
 * The saga with every service in its own process, as in production: RabbitMQ between them, each
 * embedded store journaled on disk. Services are killed (SIGKILL: no graceful shutdown, work in
 * flight simply stops) and restarted mid-saga; purchases must still all settle with the saga's
 * invariants exact. Steps time out after 2 s and give up after 2 sends, so an outage longer
 * than that makes purchases give up, and the replies arriving after the restart must be taken
 * back or refunded.
 */
const amqpUrl = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const STEP_TIMEOUT_SECONDS = 2;
const MAX_ATTEMPTS = 2;
/** Longer than a step may wait in all: every purchase waiting on a stopped service gives up. */
const LONG_OUTAGE_MS = (STEP_TIMEOUT_SECONDS * MAX_ATTEMPTS + 3) * 1000;

let dataDir: string;
let stack: ProcessStack;
let admin: SignedInClient;
let broker: BrokerWatch;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'play-economy-saga-'));
  broker = await watchBroker(amqpUrl, SAGA_TOPICS);
  stack = await startProcessStack({
    amqpUrl,
    dataDir,
    env: {
      PURCHASE_STEP_TIMEOUT_SECONDS: String(STEP_TIMEOUT_SECONDS),
      PURCHASE_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      LOG_LEVEL: 'error',
    },
  });
  admin = await stack.signInAsAdmin();
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  await broker?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let players = 0;
const tag = Date.now().toString(36);
const player = () => stack.registerPlayer(`proc${tag}${++players}`);

async function createItem(name: string, price: number): Promise<string> {
  const { data, errors } = await admin.request<{ createItem: { id: string } }>(
    'mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }',
    { input: { name, description: '', price } },
  );
  expect(errors).toBeUndefined();
  return data!.createItem.id;
}

it('refunds a debit that went through after the purchase gave up on it', async () => {
  const buyer = await player();
  const itemId = await createItem('Ribbon', 40);
  // Trading learns of the item from catalog's event; a first purchase shows it sells it.
  const warmUp = await buy(buyer, { itemId, quantity: 1, idempotencyKey: randomUUID() });
  expect((await settled<PurchaseView>(buyer, warmUp.id)).state).toBe('COMPLETED');

  await stack.services.identity.kill('SIGTERM');
  const accepted = await buy(buyer, { itemId, quantity: 1, idempotencyKey: randomUUID() });
  // Nobody answers the debit: the purchase gives up and takes its items back.
  const faulted = await settled<PurchaseView>(buyer, accepted.id, undefined, 30_000);
  expect(faulted).toMatchObject({
    state: 'FAULTED',
    failureReason: 'The payment did not go through in time; any gil taken is refunded',
  });
  await broker.waitFor(
    (m) => m.type === 'inventory.items.subtracted' && m.payload['purchaseId'] === accepted.id,
  );

  // Identity comes back and handles the debit that waited in its queue all along...
  await stack.services.identity.restart();
  const about = (type: string) => (m: { type: string; payload: Record<string, unknown> }) =>
    m.type === type && m.payload['purchaseId'] === accepted.id;
  const [debited] = await broker.waitFor(about('identity.gil.debited'), 1, 30_000);
  expect(debited?.payload).toMatchObject({ amount: 40, balance: 20 });
  // ...and trading has it given back, once.
  const [refunded] = await broker.waitFor(about('identity.gil.refunded'), 1, 30_000);
  expect(refunded?.payload).toMatchObject({ amount: 40, balance: 60 });
  await sleep(1000);
  expect(broker.messages.filter(about('identity.gil.refunded'))).toHaveLength(1);

  expect(await gilOf(buyer)).toBe(60);
  expect((await settled<PurchaseView>(buyer, accepted.id)).state).toBe('FAULTED');
  await expectSagaInvariants([{ player: buyer }]);
});

it('settles every purchase after inventory is killed mid-saga and restarted', async () => {
  const buyers = await Promise.all(Array.from({ length: 5 }, player));
  await purchaseBurst({
    admin,
    buyers,
    createItem,
    purchases: 30,
    settleTimeoutMs: 60_000,
    quietWithinMs: 30_000,
    // A restart slower than the step timeout faults every purchase still waiting for its grant.
    expectBothOutcomes: false,
    async whileInFlight() {
      await stack.services.inventory.kill('SIGKILL');
      await sleep(1000);
      await stack.services.inventory.restart();
    },
  });
  await untilSagaQuiet(broker, buyers);
  await expectSagaInvariants(
    buyers.map((buyer, n) => ({ player: buyer, gilAdjustments: n === 1 ? 25 : 0 })),
  );
});

it('settles every purchase after identity is killed mid-saga and restarted late', async () => {
  const buyers = await Promise.all(Array.from({ length: 5 }, player));
  await purchaseBurst({
    admin,
    buyers,
    createItem,
    purchases: 30,
    settleTimeoutMs: 60_000,
    quietWithinMs: 30_000,
    // Purchases waiting for their debit all give up while identity is down.
    expectBothOutcomes: false,
    // Killed as the purchases arrive: the first are on their way, the rest find it gone.
    whileOrdering: () => stack.services.identity.kill('SIGKILL'),
    async whileInFlight() {
      await sleep(LONG_OUTAGE_MS);
      await stack.services.identity.restart();
    },
  });
  await untilSagaQuiet(broker, buyers);
  // Debits the purchases had given up on went through after the restart: refunded, once each.
  const refunds = broker.messages.filter(
    (m) =>
      m.type === 'identity.gil.refunded' &&
      buyers.some(({ userId }) => userId === m.payload['userId']),
  );
  expect(refunds.length).toBeGreaterThan(0);
  expect(new Set(refunds.map((m) => m.payload['purchaseId'])).size).toBe(refunds.length);
  await expectSagaInvariants(
    buyers.map((buyer, n) => ({ player: buyer, gilAdjustments: n === 1 ? 25 : 0 })),
  );
});
