import { randomUUID } from 'node:crypto';
import { SpanKind } from '@opentelemetry/api';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { shutdownTelemetry } from '@play-economy/chassis';
import { startTelemetry } from '@play-economy/chassis/telemetry';
import { startStack, type RunningStack, type SignedInClient } from '@play-economy/local-stack';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buy, settled, type PurchaseView } from '../support/purchaseClient.ts';

const amqpUrl = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const exporter = new InMemorySpanExporter();

let stack: RunningStack;
let admin: SignedInClient;

beforeAll(async () => {
  // Registered before the stack starts, as `--import .../telemetry/register` does in a service.
  startTelemetry({
    serviceName: 'play-economy',
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  stack = await startStack({ env: { ...process.env, AMQP_URL: amqpUrl }, ephemeralPorts: true });
  admin = await stack.signInAsAdmin();
});

afterAll(async () => {
  await stack?.stop();
  await shutdownTelemetry();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const serviceOf = (span: ReadableSpan) => span.attributes['play_economy.service'];
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

/** Waits (bounded) until `find` returns something from the finished spans. */
async function eventually<T>(find: (spans: ReadableSpan[]) => T | undefined): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = find(exporter.getFinishedSpans());
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('spans did not arrive');
    await sleep(50);
  }
}

it('one purchase through the router is one trace, from the mutation to the last saga step', async () => {
  const player = await stack.registerPlayer(`traced${Date.now().toString(36)}`);
  const { data } = await admin.request<{ createItem: { id: string } }>(
    'mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }',
    { input: { name: 'Phoenix Down', description: '', price: 10 } },
  );
  const itemId = data!.createItem.id;
  const accepted = await buy(player, { itemId, quantity: 1, idempotencyKey: randomUUID() });
  expect((await settled<PurchaseView>(player, accepted.id)).state).toBe('COMPLETED');

  // The purchase's GrantItems command names the trace; its completion is the last step.
  const grantPublish = await eventually((spans) =>
    spans.find(
      (span) =>
        span.name === 'publish trading.purchase.grant_items' &&
        exporter
          .getFinishedSpans()
          .some(
            (other) =>
              other.spanContext().traceId === span.spanContext().traceId &&
              other.name === 'process identity.gil.debited',
          ),
    ),
  );
  const { traceId } = grantPublish.spanContext();
  const trace = exporter
    .getFinishedSpans()
    .filter((span) => span.spanContext().traceId === traceId);
  const byId = new Map(trace.map((span) => [span.spanContext().spanId, span]));
  const one = (name: string | RegExp, service: string) => {
    const found = trace.filter(
      (span) =>
        (typeof name === 'string' ? span.name === name : name.test(span.name)) &&
        serviceOf(span) === service,
    );
    expect(found, `${name} in ${service}`).toHaveLength(1);
    return found[0]!;
  };
  /** The span's ancestors, nearest first, as far as the trace goes. */
  const ancestry = (span: ReadableSpan): ReadableSpan[] => {
    const chain: ReadableSpan[] = [];
    for (
      let parent = byId.get(parentOf(span) ?? '');
      parent;
      parent = byId.get(parentOf(parent) ?? '')
    ) {
      chain.push(parent);
    }
    return chain;
  };

  // One root: the router's span for the client's mutation.
  const roots = trace.filter((span) => parentOf(span) === undefined);
  expect(roots.map((span) => [span.name, serviceOf(span), span.kind])).toEqual([
    ['mutation Purchase', 'router', SpanKind.SERVER],
  ]);
  const routerOperation = roots[0]!;
  // The gateway names the operation it sends each subgraph after the client's.
  const tradingMutation = one(/^mutation Purchase__trading__/, 'trading');
  expect(ancestry(tradingMutation)).toContain(routerOperation);
  expect(ancestry(tradingMutation).map((span) => span.name)).toContain('router.fetch');

  const publishGrant = one('publish trading.purchase.grant_items', 'trading');
  const processGrant = one('process trading.purchase.grant_items', 'inventory');
  const publishGranted = one('publish inventory.items.granted', 'inventory');
  const processGranted = one('process inventory.items.granted', 'trading');
  const publishDebit = one('publish trading.purchase.debit_gil', 'trading');
  const processDebit = one('process trading.purchase.debit_gil', 'identity');
  const publishDebited = one('publish identity.gil.debited', 'identity');
  const complete = one('process identity.gil.debited', 'trading');

  // Parent to child, hop by hop: the mutation recorded GrantItems, each delivery continues
  // from its publish, and each reply is published from inside the handling of the last.
  expect(ancestry(publishGrant)).toContain(tradingMutation);
  const hops: [ReadableSpan, ReadableSpan][] = [
    [publishGrant, processGrant],
    [processGrant, publishGranted],
    [publishGranted, processGranted],
    [processGranted, publishDebit],
    [publishDebit, processDebit],
    [processDebit, publishDebited],
    [publishDebited, complete],
  ];
  for (const [parent, child] of hops) {
    expect(ancestry(child), `${child.name} under ${parent.name}`).toContain(parent);
  }
  for (const [publish, process] of [
    [publishGrant, processGrant],
    [publishDebit, processDebit],
  ] as const) {
    expect(parentOf(process)).toBe(publish.spanContext().spanId);
    expect(publish.kind).toBe(SpanKind.PRODUCER);
    expect(process.kind).toBe(SpanKind.CONSUMER);
    expect(publish.attributes).toMatchObject({
      'messaging.system': 'rabbitmq',
      'messaging.operation': 'publish',
      'messaging.destination.name': 'play-economy',
    });
    expect(process.attributes).toMatchObject({
      'messaging.system': 'rabbitmq',
      'messaging.operation': 'process',
      'messaging.message.id': publish.attributes['messaging.message.id'],
    });
    expect(String(process.attributes['messaging.destination.name'])).toMatch(
      new RegExp(`^${String(serviceOf(process))}\\.`),
    );
  }
});
