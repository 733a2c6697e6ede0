import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createGraphQLClient,
  type GraphQLClient,
  type SignedInClient,
} from '@play-economy/local-stack';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buy, requestPurchase, settled, type PurchaseView } from '../support/purchaseClient.ts';
import {
  freePorts,
  startServiceProcesses,
  topologyEnv,
  type ServiceName,
  type ServiceProcess,
} from '../support/serviceProcesses.ts';

const amqpUrl = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
/** What a service may take from SIGTERM to exit (its own bound is 20 s). */
const SHUTDOWN_BOUND_MS = 25_000;

let dataDir: string;
let env: Record<string, string | undefined>;
let ports: Record<ServiceName, number>;
let services: ServiceProcess[] = [];

beforeAll(async () => {
  // The embedded stores keep journals here, so what committed survives the restart.
  dataDir = await mkdtemp(join(tmpdir(), 'play-economy-shutdown-'));
  ports = await freePorts();
  env = {
    ...process.env,
    ...topologyEnv(ports),
    AMQP_URL: amqpUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
  };
  services = await startServiceProcesses(env, ports);
}, 150_000);

afterAll(async () => {
  for (const service of services) service.child.kill('SIGKILL');
  await Promise.all(services.map((service) => service.exited));
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const routerUrl = () => `http://127.0.0.1:${ports.router}/graphql`;

async function signedIn(
  client: GraphQLClient,
  field: 'login' | 'register',
  input: Record<string, string>,
): Promise<SignedInClient> {
  const type = field === 'login' ? 'LoginInput' : 'RegisterInput';
  const { data, errors } = await client.request<
    Record<string, { accessToken: string; user: { id: string } }>
  >(`mutation ($input: ${type}!) { ${field}(input: $input) { accessToken user { id } } }`, {
    input,
  });
  const payload = data?.[field];
  if (!payload) throw new Error(`${field} failed: ${JSON.stringify(errors)}`);
  return {
    ...createGraphQLClient(routerUrl(), { authorization: `Bearer ${payload.accessToken}` }),
    userId: payload.user.id,
    accessToken: payload.accessToken,
  };
}

/** Sends SIGTERM to every service and waits for each to exit. */
async function terminateAll(): Promise<{ name: string; code: number | null; ms: number }[]> {
  const startedAt = Date.now();
  for (const service of services) service.child.kill('SIGTERM');
  return Promise.all(
    services.map(async (service) => {
      const { code } = await service.exited;
      return { name: service.name, code, ms: Date.now() - startedAt };
    }),
  );
}

interface Ledger {
  gil: number;
  purchases: { id: string; state: string; total: number; quantity: number; item: { id: string } }[];
  inventory: { item: { id: string }; quantity: number }[];
}

it('SIGTERM during a burst of purchases loses none: all end COMPLETED or FAULTED after restart', async () => {
  const anonymous = createGraphQLClient(routerUrl());
  const admin = await signedIn(anonymous, 'login', {
    usernameOrEmail: 'admin',
    password: 'change-me-admin-password',
  });
  const suffix = Date.now().toString(36);
  const buyers = await Promise.all(
    [0, 1, 2].map((n) =>
      signedIn(anonymous, 'register', {
        username: `term${n}${suffix}`,
        email: `term${n}${suffix}@example.test`,
        password: 'correct horse battery staple',
      }),
    ),
  );
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
  await buy(buyers[0]!, { itemId: cheap, quantity: 1, idempotencyKey: `warm-${suffix}-1` });
  await buy(buyers[0]!, { itemId: dear, quantity: 1, idempotencyKey: `warm-${suffix}-2` });

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

  for (const exit of exits) {
    const service = services.find((candidate) => candidate.name === exit.name)!;
    expect(exit, service.output()).toMatchObject({ code: 0 });
    expect(exit.ms).toBeLessThan(SHUTDOWN_BOUND_MS);
  }
  expect(accepted.some((purchase) => purchase !== null)).toBe(true);

  services = await startServiceProcesses(env, ports);

  // Every order again with its idempotency key: an accepted one comes back as it was, one
  // that never reached trading is placed now. None may be lost, none doubled.
  const purchases: PurchaseView[] = [];
  for (const [n, { buyer, input }] of orders.entries()) {
    const purchase = await buy(buyer, input);
    if (accepted[n]) expect(purchase.id).toBe(accepted[n]!.id);
    purchases.push(purchase);
  }
  const outcomes = await Promise.all(
    purchases.map((purchase, n) => settled<PurchaseView>(orders[n]!.buyer, purchase.id)),
  );
  for (const outcome of outcomes) expect(['COMPLETED', 'FAULTED']).toContain(outcome.state);

  for (const buyer of buyers) {
    const { data, errors } = await buyer.request<{ me: Ledger }>(`{ me {
      gil
      purchases { id state total quantity item { id } }
      inventory { item { id } quantity }
    } }`);
    expect(errors).toBeUndefined();
    const { gil, purchases: own, inventory } = data!.me;
    expect(own.every((purchase) => ['COMPLETED', 'FAULTED'].includes(purchase.state))).toBe(true);
    const completed = own.filter((purchase) => purchase.state === 'COMPLETED');
    const spent = completed.reduce((sum, purchase) => sum + purchase.total, 0);
    expect(gil).toBe(100 - spent);
    for (const itemId of [cheap, dear]) {
      const bought = completed
        .filter((purchase) => purchase.item.id === itemId)
        .reduce((sum, purchase) => sum + purchase.quantity, 0);
      expect(inventory.find((entry) => entry.item.id === itemId)?.quantity ?? 0).toBe(bought);
    }
  }
}, 400_000);
