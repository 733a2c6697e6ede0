import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  signedInOn,
  startProcessStack,
  watchBroker,
  type BrokerWatch,
  type ProcessStack,
  type SignedInClient,
} from '@play-economy/local-stack';
import { expectSagaInvariants } from '../support/expectSagaInvariants.ts';
import { purchaseBurst } from '../support/purchaseBurst.ts';
import { SAGA_TOPICS, untilSagaQuiet } from '../support/untilSagaQuiet.ts';

/**
 * DESIGN §12: two replicas of every subgraph and two routers, each its own process, over
 * RabbitMQ, one MongoDB and one Redis. Commands and replies are competing consumers; 40
 * concurrent purchases by 8 players run while one replica of every service is killed outright
 * (SIGKILL) and restarted; then every command must have been answered and DESIGN §5's
 * invariants must hold exactly. Replicas of a subgraph share its database, which the embedded
 * store cannot be: this suite needs MONGODB_URL (CI provides a MongoDB replica set).
 */
const amqpUrl = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const mongodbUrl = process.env['MONGODB_URL'];
const STEP_TIMEOUT_SECONDS = 4;

describe.runIf(mongodbUrl !== undefined && mongodbUrl !== '')(
  'two replicas of every service (needs MONGODB_URL: replicas share one database)',
  () => {
    let stack: ProcessStack;
    let admin: SignedInClient;
    let broker: BrokerWatch;
    const tag = Date.now().toString(36);

    beforeAll(async () => {
      broker = await watchBroker(amqpUrl, SAGA_TOPICS);
      stack = await startProcessStack({
        amqpUrl,
        mongodbUrl,
        redisUrl,
        replicas: { catalog: 2, identity: 2, inventory: 2, trading: 2, router: 2 },
        env: {
          LOG_LEVEL: 'error',
          PURCHASE_STEP_TIMEOUT_SECONDS: String(STEP_TIMEOUT_SECONDS),
          ROUTER_CACHE_KEY_PREFIX: `test:saga-replicas:${tag}:`,
        },
      });
      admin = await stack.signInAsAdmin();
    }, 300_000);

    afterAll(async () => {
      await stack?.stop();
      await broker?.close();
    }, 120_000);

    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    async function createItem(name: string, price: number): Promise<string> {
      const { data, errors } = await admin.request<{ createItem: { id: string } }>(
        'mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }',
        { input: { name: `${name} ${tag}`, description: '', price } },
      );
      expect(errors).toBeUndefined();
      return data!.createItem.id;
    }

    it('keeps every invariant while one replica of each service is killed and restarted', async () => {
      // Eight players, half of them on each router.
      const registered = await Promise.all(
        Array.from({ length: 8 }, (_, n) => stack.registerPlayer(`rep${tag}${n}`, undefined, 0)),
      );
      const buyers = registered.map((buyer, n) =>
        n % 2 === 0 ? buyer : signedInOn(stack.routers[1]!, buyer),
      );
      await purchaseBurst({
        admin,
        buyers,
        createItem,
        purchases: 40,
        settleTimeoutMs: 90_000,
        quietWithinMs: 60_000,
        // A restarted replica's unacknowledged messages go to the other: purchases need not fault.
        expectBothOutcomes: false,
        async whileInFlight() {
          // The second replica of each subgraph and the second router: the players of router
          // 0 and the admin keep their router.
          const victims = Object.values(stack.replicas).map((replicas) => replicas[1]!);
          await Promise.all(victims.map((victim) => victim.kill('SIGKILL')));
          await sleep(1000);
          for (const victim of victims) await victim.restart();
        },
      });
      // Every command answered, every late reply taken back; then the ledgers exact: gil debited
      // and items granted once per COMPLETED purchase, so no command took effect twice, whichever
      // replica (or both, after a redelivery) received it.
      await untilSagaQuiet(broker, buyers, 60_000);
      await expectSagaInvariants(
        buyers.map((buyer, n) => ({ player: buyer, gilAdjustments: n === 1 ? 25 : 0 })),
      );
    }, 300_000);
  },
);
