import { randomBytes, randomUUID } from 'node:crypto';
import { SpanKind } from '@opentelemetry/api';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { shutdownTelemetry } from '@play-economy/chassis';
import { startTelemetry } from '@play-economy/chassis/telemetry';
import { startStack, type RunningStack, type SignedInClient } from '@play-economy/local-stack';
import type { Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { RunningRouter } from '../../src/index.ts';
import { subscribe, webSocketClient } from '../support/subscribeOverWebSocket.ts';
import { grantWhenKnown } from '../support/grantWhenKnown.ts';
import { startRouterBeside } from '../support/startRouterBeside.ts';
import { until } from '../support/until.ts';

// Real RabbitMQ, as in production: without a broker the stack does not start and this fails.
const amqpUrl = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const exporter = new InMemorySpanExporter();

const WATCH = `subscription Watch {
  inventoryChanged { quantity item { name } user { username } }
}`;
interface Change {
  inventoryChanged: { quantity: number; item: { name: string }; user: { username: string } };
}

let stack: RunningStack;
let admin: SignedInClient;
/** A router of the test's own, to see its subscription counts. */
let router: RunningRouter;
const clients: Client[] = [];

beforeAll(async () => {
  // Registered before the stack starts, as `--import .../telemetry/register` does in a service.
  startTelemetry({
    serviceName: 'play-economy',
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  stack = await startStack({ env: { ...process.env, AMQP_URL: amqpUrl }, ephemeralPorts: true });
  admin = await stack.signInAsAdmin();
  router = await startRouterBeside(stack);
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  await until(() => router.subscriptions.clientSubscriptions === 0);
});

afterAll(async () => {
  await router?.stop();
  await stack?.stop();
  await shutdownTelemetry();
});

const serviceOf = (span: ReadableSpan) => span.attributes['play_economy.service'];
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const traceOf = (span: ReadableSpan) => span.spanContext().traceId;

/** Waits (bounded) until `find` returns something from the finished spans. */
async function eventually<T>(find: (spans: ReadableSpan[]) => T | undefined): Promise<T> {
  let found: T | undefined;
  await until(() => {
    found = find(exporter.getFinishedSpans());
    return found !== undefined;
  });
  return found as T;
}

function clientOf(player: SignedInClient, connectionParams: Record<string, string> = {}): Client {
  const client = webSocketClient(router.url, player.accessToken, connectionParams);
  clients.push(client);
  return client;
}

async function createItem(): Promise<{ id: string; name: string }> {
  const name = `Tonic${randomUUID().slice(0, 8)}`;
  const { data, errors } = await admin.request<{ createItem: { id: string } }>(
    'mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }',
    { input: { name, description: '', price: 3 } },
  );
  if (!data) throw new Error(JSON.stringify(errors));
  return { id: data.createItem.id, name };
}

/** Waits until the router has subscribed upstream and the subgraph has the subscription. */
async function subscribedUpstream(): Promise<void> {
  await until(async () => (await activeSubscriptions('inventory')) === 1);
}

/** `graphql_active_subscriptions` as `/metrics` of the router or a subgraph shows it now. */
async function activeSubscriptions(server: 'router' | 'inventory'): Promise<number> {
  const url = server === 'router' ? router.url : stack.subgraphUrls['inventory']!;
  const response = await fetch(url.replace(/\/graphql$/, '/metrics'));
  const text = await response.text();
  const value = /^graphql_active_subscriptions\{[^}]*\} (\d+)$/m.exec(text)?.[1];
  if (value === undefined) throw new Error(`no graphql_active_subscriptions at ${server}`);
  return Number(value);
}

/** A fresh player whose own inventory changes once, through a subscription of `client`. */
async function oneChange(
  player: SignedInClient,
  client: Client,
  extensions?: Record<string, string>,
): Promise<Change> {
  const item = await createItem();
  const changes = subscribe<Change>(client, WATCH, {}, extensions);
  await subscribedUpstream();
  await grantWhenKnown(admin, { userId: player.userId, itemId: item.id, quantity: 1 });
  const result = await changes.waitFor((r) => r.data?.inventoryChanged.item.name === item.name);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

const player = () => stack.registerPlayer(`trace${randomUUID().slice(0, 8)}`);

it('traces a subscription from the router to the subgraph, and each event through its entity fetches', async () => {
  const watcher = await player();
  const change = await oneChange(watcher, clientOf(watcher));
  expect(change.inventoryChanged.user.username).toMatch(/^trace/);

  // The router's subscribe span starts the trace: the client sent no context.
  const routerSubscribe = await eventually((spans) =>
    spans.find((span) => span.name === 'subscription Watch' && serviceOf(span) === 'router'),
  );
  expect(routerSubscribe.kind).toBe(SpanKind.SERVER);
  expect(parentOf(routerSubscribe)).toBeUndefined();
  expect(routerSubscribe.attributes).toMatchObject({
    'graphql.operation.type': 'subscription',
    'graphql.operation.name': 'Watch',
    'play_economy.subscription.shared': false,
  });
  const traceId = traceOf(routerSubscribe);

  // Inventory continues it: its subscribe span is a child of the router's.
  const inventorySubscribe = await eventually((spans) =>
    spans.find(
      (span) =>
        serviceOf(span) === 'inventory' &&
        /^subscription Watch__inventory__\d+$/.test(span.name) &&
        traceOf(span) === traceId,
    ),
  );
  expect(inventorySubscribe.kind).toBe(SpanKind.SERVER);
  expect(parentOf(inventorySubscribe)).toBe(routerSubscribe.spanContext().spanId);

  // The event: resolved in inventory under its subscribe span, then on the router under
  // inventory's event span, whose entity fetches reach catalog and identity in the same trace.
  const routerEvent = await eventually((spans) =>
    spans.find(
      (span) =>
        span.name === 'subscription Watch event' &&
        serviceOf(span) === 'router' &&
        traceOf(span) === traceId,
    ),
  );
  const inTrace = exporter.getFinishedSpans().filter((span) => traceOf(span) === traceId);
  const byId = new Map(inTrace.map((span) => [span.spanContext().spanId, span]));
  const inventoryEvent = byId.get(parentOf(routerEvent) ?? '');
  expect(inventoryEvent?.name).toMatch(/^subscription Watch__inventory__\d+ event$/);
  expect(serviceOf(inventoryEvent!)).toBe('inventory');
  expect(parentOf(inventoryEvent!)).toBe(inventorySubscribe.spanContext().spanId);
  // It links to what caused it: the delivery of inventory.changed, in the grant's trace.
  const [cause] = inventoryEvent!.links;
  const delivery = exporter
    .getFinishedSpans()
    .find((span) => span.spanContext().spanId === cause?.context.spanId);
  expect(delivery?.name).toBe('process inventory.changed');
  expect(traceOf(delivery!)).not.toBe(traceId);
  const ancestry = (span: ReadableSpan): ReadableSpan[] => {
    const chain: ReadableSpan[] = [];
    for (let up = byId.get(parentOf(span) ?? ''); up; up = byId.get(parentOf(up) ?? '')) {
      chain.push(up);
    }
    return chain;
  };
  for (const subgraph of ['catalog', 'identity']) {
    const fetched = await eventually(() =>
      exporter
        .getFinishedSpans()
        .find(
          (span) =>
            serviceOf(span) === subgraph &&
            traceOf(span) === traceId &&
            /^query Watch__/.test(span.name),
        ),
    );
    const chain = ancestry(fetched);
    expect(chain.map((span) => span.name)).toContain('router.fetch');
    expect(chain, `${subgraph}'s entity fetch under the router's event`).toContain(routerEvent);
  }
});

it('continues the trace context the client sends in its subscribe message', async () => {
  const watcher = await player();
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  await oneChange(watcher, clientOf(watcher), { traceparent: `00-${traceId}-${spanId}-01` });

  const routerSubscribe = await eventually((spans) =>
    spans.find((span) => span.name === 'subscription Watch' && traceOf(span) === traceId),
  );
  expect(serviceOf(routerSubscribe)).toBe('router');
  expect(parentOf(routerSubscribe)).toBe(spanId);
  await eventually((spans) =>
    spans.find((span) => serviceOf(span) === 'inventory' && traceOf(span) === traceId),
  );
});

it('continues the trace context of connection_init when the subscribe message has none', async () => {
  const watcher = await player();
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  const client = clientOf(watcher, { traceparent: `00-${traceId}-${spanId}-01` });
  await oneChange(watcher, client);

  const routerSubscribe = await eventually((spans) =>
    spans.find((span) => span.name === 'subscription Watch' && traceOf(span) === traceId),
  );
  expect(parentOf(routerSubscribe)).toBe(spanId);
});

it('counts the open subscription at /metrics of the router and of inventory, 1 then 0', async () => {
  expect(await activeSubscriptions('router')).toBe(0);
  expect(await activeSubscriptions('inventory')).toBe(0);
  const watcher = await player();
  const changes = subscribe<Change>(clientOf(watcher), WATCH);
  await subscribedUpstream();
  expect(await activeSubscriptions('router')).toBe(1);
  expect(await activeSubscriptions('inventory')).toBe(1);

  changes.unsubscribe();
  await until(async () => (await activeSubscriptions('router')) === 0);
  await until(async () => (await activeSubscriptions('inventory')) === 0);
});
