import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/** A stand-in OTLP/HTTP collector: keeps what is posted to /v1/traces. */
let collector: Server;
const exports: { contentType: string | undefined; body: string }[] = [];

beforeAll(async () => {
  collector = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        exports.push({
          contentType: req.headers['content-type'],
          body: Buffer.concat(chunks).toString('utf8'),
        });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  }).listen(0, '127.0.0.1');
  await once(collector, 'listening');
});

afterAll(() => {
  collector?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('a service started as in production exports its spans over OTLP, flushes them on SIGTERM and logs trace ids', async () => {
  const { port: collectorPort } = collector.address() as AddressInfo;
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');

  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      '@play-economy/chassis/telemetry/register',
      'subgraphs/catalog/src/main.ts',
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        AMQP_URL: '',
        MONGODB_URL: '',
        CATALOG_PORT: String(port),
        CATALOG_HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${collectorPort}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) break;
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(output);
      await sleep(100);
    }
    // A caller that is not the router: refused and logged inside the request's span.
    const refused = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      },
      body: JSON.stringify({ query: '{ items { totalCount } }' }),
    });
    expect(refused.status).toBe(401);
  } finally {
    child.kill('SIGTERM');
  }
  const [code] = await exited;
  expect(code, output).toBe(0);

  // Batched spans are flushed on the way out, not lost with the process.
  const posted = exports.map((entry) => entry.body).join('\n');
  expect(exports.length, output).toBeGreaterThan(0);
  expect(exports[0]!.contentType).toMatch(/^application\/json/);
  expect(posted).toContain('"catalog"');
  // The http server span continued the caller's trace.
  expect(posted).toContain('0af7651916cd43dd8448eb211c80319c');

  const refusal = output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .find((line) => line['msg'] === 'refused a request not from the router');
  expect(refusal, output).toMatchObject({
    service: 'catalog',
    trace_id: '0af7651916cd43dd8448eb211c80319c',
  });
  expect(refusal!['span_id']).toMatch(/^[0-9a-f]{16}$/);
}, 120_000);
