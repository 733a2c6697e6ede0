import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startStack, type RunningStack, type SignedInClient } from '@play-economy/local-stack';

// One-process mode: no RabbitMQ; the router hears invalidations on the subgraphs' in-process bus.
const env = { ...process.env, AMQP_URL: '', REDIS_URL: '', LOG_LEVEL: 'warn' };
const ITEM = 'query ($id: ID!) { item(id: $id) { id price } }';

let stack: RunningStack;
let admin: SignedInClient;

beforeAll(async () => {
  stack = await startStack({ env, ephemeralPorts: true });
  admin = await stack.signInAsAdmin();
});

afterAll(async () => {
  await stack?.stop();
});

it('caches in memory and evicts on the in-process bus', async () => {
  // The created event evicts the Item lists: warm the cache only after it.
  const createdProcessed = new Promise<void>((resolve) => {
    const stop = stack.routerCacheStats!.onInvalidation((_lag, tags) => {
      if (tags.length === 1 && tags[0] === 'Item') {
        stop();
        resolve();
      }
    });
  });
  const created = await admin.request<{ createItem: { id: string } }>(
    'mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }',
    { input: { name: `Ribbon ${randomUUID()}`, description: 'in process', price: 10 } },
  );
  const id = created.data!.createItem.id;
  await createdProcessed;
  const price = async () =>
    (await stack.client.request<{ item: { price: number } }>(ITEM, { id })).data?.item.price;
  expect(await price()).toBe(10);
  const hits = stack.routerCacheStats!.snapshot().hits;
  expect(await price()).toBe(10);
  expect(stack.routerCacheStats!.snapshot().hits).toBe(hits + 1);

  await admin.request('mutation ($id: ID!) { updateItem(id: $id, input: { price: 11 }) { id } }', {
    id,
  });
  const deadline = Date.now() + 5000;
  let seen = await price();
  while (seen !== 11 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    seen = await price();
  }
  expect(seen).toBe(11);
});
