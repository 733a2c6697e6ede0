import { randomUUID } from 'node:crypto';
import { startStack, type RunningStack, type SignedInClient } from '@play-economy/local-stack';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buy, settled, type PurchaseView } from '../support/purchaseClient.ts';
import { scrapeMetrics, type Scrape } from '../support/scrapeMetrics.ts';

let stack: RunningStack;
let admin: SignedInClient;

beforeAll(async () => {
  // One process, in-process bus: every server still has a `/metrics` of its own.
  const { AMQP_URL: _broker, ...env } = process.env;
  stack = await startStack({ env, ephemeralPorts: true });
  admin = await stack.signInAsAdmin();
});

afterAll(async () => {
  await stack?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Scrapes `url` until `done` holds of the scrape (bounded). */
async function scrapeUntil(url: string, done: (scrape: Scrape) => boolean): Promise<Scrape> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const scrape = await scrapeMetrics(url);
    if (done(scrape) || Date.now() > deadline) return scrape;
    await sleep(50);
  }
}

const PURCHASES = [
  'purchases_started_total',
  'purchases_completed_total',
  'purchases_faulted_total',
];

it('counts purchases as they start, complete and fault, with the messages and requests behind them', async () => {
  const tradingUrl = stack.subgraphUrls['trading']!;
  const before = await scrapeMetrics(tradingUrl);
  const routerBefore = await scrapeMetrics(stack.routerUrl);
  const [started, completed, faulted] = PURCHASES.map((name) => before.value(name));

  const player = await stack.registerPlayer(`metered${Date.now().toString(36)}`);
  const { data } = await admin.request<{ createItem: { id: string } }>(
    'mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }',
    { input: { name: 'Ether', description: '', price: 30 } },
  );
  const itemId = data!.createItem.id;
  // 100 gil: the first is paid for, the second (90 gil) no longer.
  const first = await buy(player, { itemId, quantity: 1, idempotencyKey: randomUUID() });
  expect((await settled<PurchaseView>(player, first.id)).state).toBe('COMPLETED');
  const second = await buy(player, { itemId, quantity: 3, idempotencyKey: randomUUID() });
  expect((await settled<PurchaseView>(player, second.id)).state).toBe('FAULTED');

  const after = await scrapeUntil(
    tradingUrl,
    (scrape) => scrape.value('purchases_faulted_total') > faulted!,
  );
  expect(PURCHASES.map((name) => after.value(name))).toEqual([
    started! + 2,
    completed! + 1,
    faulted! + 1,
  ]);
  expect(after.value('purchases_completed_total', { service: 'trading' })).toBe(completed! + 1);

  // The saga's traffic, as trading sees it: commands out, replies in.
  const grants = { type: 'trading.purchase.grant_items' };
  expect(after.value('bus_messages_published_total', grants)).toBe(
    before.value('bus_messages_published_total', grants) + 2,
  );
  expect(after.value('bus_messages_consumed_total', { type: 'inventory.items.granted' })).toBe(
    before.value('bus_messages_consumed_total', { type: 'inventory.items.granted' }) + 2,
  );
  expect(after.text).toMatch(/^outbox_backlog_messages\{service="trading"\} \d+$/m);
  const purchaseOperations = {
    operation_type: 'mutation',
    outcome: 'success',
  };
  expect(after.value('graphql_requests_total', purchaseOperations)).toBeGreaterThanOrEqual(
    before.value('graphql_requests_total', purchaseOperations) + 2,
  );

  // The router counts the client's operations by name and times each subgraph fetch.
  const router = await scrapeMetrics(stack.routerUrl);
  const purchase = { operation_name: 'Purchase', operation_type: 'mutation', service: 'router' };
  expect(router.value('graphql_requests_total', purchase)).toBeGreaterThanOrEqual(
    routerBefore.value('graphql_requests_total', purchase) + 2,
  );
  expect(router.value('graphql_request_duration_seconds_count', purchase)).toBeGreaterThanOrEqual(
    routerBefore.value('graphql_request_duration_seconds_count', purchase) + 2,
  );
  expect(
    router.value('subgraph_fetch_duration_seconds_count', { subgraph: 'trading', outcome: 'ok' }),
  ).toBeGreaterThan(
    routerBefore.value('subgraph_fetch_duration_seconds_count', {
      subgraph: 'trading',
      outcome: 'ok',
    }),
  );
  // Registries are per service: the router's holds no purchase counters.
  expect(router.text).not.toContain('purchases_started_total');

  // The inventory handled both grants and the compensation's subtraction.
  const inventory = await scrapeMetrics(stack.subgraphUrls['inventory']!);
  expect(
    inventory.value('bus_messages_consumed_total', { type: 'trading.purchase.grant_items' }),
  ).toBeGreaterThanOrEqual(2);
  expect(
    inventory.value('bus_messages_consumed_total', { type: 'trading.purchase.subtract_items' }),
  ).toBeGreaterThanOrEqual(1);
});
