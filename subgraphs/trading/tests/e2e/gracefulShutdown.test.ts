import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startProcessStack,
  type ProcessExit,
  type ProcessStack,
  type ServiceName,
  type SignedInClient,
} from '@play-economy/local-stack';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectSagaInvariants } from '../support/expectSagaInvariants.ts';
import { buy, requestPurchase, settled, type PurchaseView } from '../support/purchaseClient.ts';

/**
 * SIGTERM to every service while purchases are in flight, each service its own process on
 * RabbitMQ with its embedded store journaled on disk, as in production: each must exit 0 within
 * its bound, and after a restart every purchase must settle with the saga's invariants
 * (docs/saga.md) exact.
 */
const amqpUrl = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
/** What a service may take from SIGTERM to exit (its own bound is 20 s). */
const SHUTDOWN_BOUND_MS = 25_000;

let dataDir: string;
let stack: ProcessStack;

beforeAll(async () => {
  // The embedded stores keep journals here, so what committed survives the restart.
  dataDir = await mkdtemp(join(tmpdir(), 'play-economy-shutdown-'));
  stack = await startProcessStack({ amqpUrl, dataDir, env: { LOG_LEVEL: 'warn' } });
}, 150_000);

afterAll(async () => {
  await stack?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** SIGTERM to every service at once; resolves with how each ended. */
function terminateAll(): Promise<(readonly [ServiceName, ProcessExit | undefined])[]> {
  return Promise.all(
    Object.values(stack.services).map(async ({ name, kill }) => [name, await kill()] as const),
  );
}

it('SIGTERM during a burst of purchases loses none: all end COMPLETED or FAULTED after restart', async () => {
  const admin = await stack.signInAsAdmin();
  const suffix = Date.now().toString(36);
  const buyers: SignedInClient[] = [];
  for (const n of [0, 1, 2]) buyers.push(await stack.registerPlayer(`term${n}${suffix}`));
  const createItem = async (name: string, price: number) => {
    const { data } = await admin.request<{ createItem: { id: string } }>(
      'mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }',
      { input: { name, description: '', price } },
    );
    return data!.createItem.id;
  };
  const cheap = await createItem('Hi-Potion', 15);
  const dear = await createItem('Elixir', 45);
  // Trading learns of new items from catalog's events: wait until it sells both.
  const warmUps = [
    { itemId: cheap, quantity: 1, idempotencyKey: `warm-${suffix}-1` },
    { itemId: dear, quantity: 1, idempotencyKey: `warm-${suffix}-2` },
  ];
  for (const input of warmUps) await settled(buyers[0]!, (await buy(buyers[0]!, input)).id);

  const orders = Array.from({ length: 30 }, (_, n) => ({
    buyer: buyers[n % 3]!,
    input: {
      itemId: n % 2 === 0 ? cheap : dear,
      quantity: 1 + (n % 3),
      idempotencyKey: `burst-${suffix}-${n}`,
    },
  }));
  // The burst, in flight when the services are told to stop: some are answered, some refused.
  let answered = 0;
  const answers = orders.map(({ buyer, input }, n) =>
    new Promise((resolve) => setTimeout(resolve, n * 10)).then(() =>
      requestPurchase(buyer, input).then(
        (response) => {
          if (response.data?.purchase) answered += 1;
          return response.data?.purchase ?? null;
        },
        () => null,
      ),
    ),
  );
  // Stop once a third are accepted: their sagas are mid-way, the rest still to come.
  const deadline = Date.now() + 10_000;
  while (answered < orders.length / 3 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const exits = await terminateAll();
  const accepted = await Promise.all(answers);

  for (const [name, exit] of exits) {
    expect(exit, `${name}:\n${stack.services[name].output()}`).toMatchObject({
      code: 0,
      signal: null,
    });
    expect(exit!.ms).toBeLessThan(SHUTDOWN_BOUND_MS);
  }
  expect(accepted.some((purchase) => purchase !== null)).toBe(true);

  for (const name of ['catalog', 'identity', 'inventory', 'trading', 'router'] as const) {
    await stack.services[name].restart();
  }

  // Every order again with its idempotency key: an accepted one comes back as it was, one
  // that never reached trading is placed now. None may be lost, none doubled.
  const purchases: PurchaseView[] = [];
  for (const [n, { buyer, input }] of orders.entries()) {
    const purchase = await buy(buyer, input);
    if (accepted[n]) expect(purchase.id).toBe(accepted[n]!.id);
    purchases.push(purchase);
  }
  await Promise.all(purchases.map((purchase, n) => settled(orders[n]!.buyer, purchase.id)));

  await expectSagaInvariants(
    buyers.map((player) => ({
      player,
      idempotencyKeys: [
        ...(player === buyers[0] ? warmUps.map(({ idempotencyKey }) => idempotencyKey) : []),
        ...orders.filter(({ buyer }) => buyer === player).map(({ input }) => input.idempotencyKey),
      ],
    })),
  );
}, 400_000);
