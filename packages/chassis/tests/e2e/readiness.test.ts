import { parse } from 'graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serveSubgraph, type RunningSubgraph } from '../../src/graphql/serveSubgraph.ts';
import { startServiceRuntime, type ServiceRuntime } from '../../src/service/startServiceRuntime.ts';
import { eventually } from '../busTestKit.ts';
import { amqpUrl } from './busBrokerAdmin.ts';
import { BusTcpProxy } from './busTcpProxy.ts';

let proxy: BusTcpProxy;
let runtime: ServiceRuntime;
let server: RunningSubgraph;

beforeAll(async () => {
  // The service reaches the broker through a relay the test can cut, like a network failure.
  proxy = await BusTcpProxy.start(amqpUrl);
  runtime = await startServiceRuntime({
    service: 'readiness',
    database: 'readiness',
    amqpUrl: proxy.urlFor(amqpUrl),
    logLevel: 'silent',
  });
  server = await serveSubgraph({
    typeDefs: parse('type Query { ok: Boolean }'),
    resolvers: { Query: { ok: () => true } },
    context: (base) => base,
    port: 0,
    host: '127.0.0.1',
    routerSecret: 'a router secret of at least 32 characters',
    logger: runtime.logger,
    readiness: runtime.readiness,
    metrics: runtime.metrics,
  });
});

afterAll(async () => {
  await server?.stop();
  if (proxy) proxy.refuse = false;
  await runtime?.close();
  await proxy?.close();
});

async function ready(): Promise<{ status: number; checks: Record<string, string> }> {
  const response = await fetch(new URL('/health/ready', server.url));
  const body = (await response.json()) as { checks: Record<string, string> };
  return { status: response.status, checks: body.checks };
}

it('is ready while store and broker answer, not while the broker is away, and again after', async () => {
  expect(await ready()).toEqual({ status: 200, checks: { store: 'ok', broker: 'ok' } });
  const live = await fetch(new URL('/health/live', server.url));
  expect(live.status).toBe(200);

  proxy.refuse = true;
  proxy.dropConnections();
  await eventually('readiness to fail', async () => (await ready()).status === 503);
  const away = await ready();
  expect(away.checks['store']).toBe('ok');
  expect(away.checks['broker']).not.toBe('ok');
  // Alive all the same: an orchestrator must not restart a service for its broker's outage.
  expect((await fetch(new URL('/health/live', server.url))).status).toBe(200);

  proxy.refuse = false;
  await eventually('readiness to recover', async () => (await ready()).status === 200, {
    timeoutMs: 20_000,
  });
  expect(await ready()).toEqual({ status: 200, checks: { store: 'ok', broker: 'ok' } });
});

it('serves its metrics, outbox backlog included', async () => {
  const response = await fetch(new URL('/metrics', server.url));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  expect(await response.text()).toMatch(/^outbox_backlog_messages\{service="readiness"\} 0$/m);
});
