import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  startStack,
  watchBroker,
  type BrokerWatch,
  type RunningStack,
  type SignedInClient,
} from '@play-economy/local-stack';
// The chassis' own fault injector: a TCP relay between every service and the real broker.
import { BusTcpProxy } from '../../../../packages/chassis/tests/e2e/busTcpProxy.ts';
import { expectSagaInvariants } from '../support/expectSagaInvariants.ts';
import { purchaseBurst } from '../support/purchaseBurst.ts';
import { SAGA_TOPICS, untilSagaQuiet } from '../support/untilSagaQuiet.ts';

/**
 * The broker connection of every service cut mid-saga, twice, the broker itself untouched:
 * outboxes hold what could not be confirmed, unacknowledged deliveries come back, the
 * stalled-purchase timer re-sends, and every purchase still ends COMPLETED or FAULTED with the
 * invariants exact.
 */
const amqpUrl = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';

let proxy: BusTcpProxy;
let stack: RunningStack;
let admin: SignedInClient;
let broker: BrokerWatch;

beforeAll(async () => {
  // The test's own view of the broker goes around the relay.
  broker = await watchBroker(amqpUrl, SAGA_TOPICS);
  proxy = await BusTcpProxy.start(amqpUrl);
  stack = await startStack({
    env: {
      ...process.env,
      AMQP_URL: proxy.urlFor(amqpUrl),
      // Every service logs each failed reconnection attempt as a warning; they are expected here.
      LOG_LEVEL: 'error',
      // Short enough for commands to be re-sent, and some steps given up on, during the outage.
      PURCHASE_STEP_TIMEOUT_SECONDS: '2',
      PURCHASE_MAX_ATTEMPTS: '3',
    },
    ephemeralPorts: true,
  });
  admin = await stack.signInAsAdmin();
});

afterAll(async () => {
  await stack?.stop();
  await proxy?.close();
  await broker?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function createItem(name: string, price: number): Promise<string> {
  const { data } = await admin.request<{ createItem: { id: string } }>(
    'mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }',
    { input: { name, description: '', price } },
  );
  return data!.createItem.id;
}

/** Purchases announced COMPLETED or FAULTED so far (an announcement may be re-published). */
const settledPurchases = () =>
  new Set(
    broker.messages
      .filter(
        ({ type, payload }) =>
          type === 'trading.purchase.updated' &&
          ['COMPLETED', 'FAULTED'].includes(String(payload['state'])),
      )
      .map(({ payload }) => payload['purchaseId']),
  ).size;

it('settles every purchase with the invariants intact after the broker connections drop mid-saga', async () => {
  const tag = Date.now().toString(36);
  const buyers = await Promise.all(
    Array.from({ length: 6 }, (_, n) => stack.registerPlayer(`outage${tag}${n}`)),
  );
  const connectionsBefore = proxy.accepted;
  let settledAtCut = Number.NaN;
  await purchaseBurst({
    admin,
    buyers,
    createItem,
    purchases: 40,
    settleTimeoutMs: 60_000,
    quietWithinMs: 30_000,
    async whileInFlight() {
      settledAtCut = settledPurchases();
      for (let cut = 0; cut < 2; cut++) {
        proxy.refuse = true;
        proxy.dropConnections();
        await sleep(2500);
        proxy.refuse = false;
        await sleep(1000);
      }
    },
  });
  // The cut came while purchases were on their way (the 2 warm-up ones settle before).
  expect(settledAtCut).toBeLessThan(42);
  // Every service came back: one new connection each at least, per cut.
  expect(proxy.accepted - connectionsBefore).toBeGreaterThanOrEqual(4 * 2);
  await untilSagaQuiet(broker, buyers);
  await expectSagaInvariants(
    buyers.map((player, n) => ({ player, gilAdjustments: n === 1 ? 25 : 0 })),
  );
});
