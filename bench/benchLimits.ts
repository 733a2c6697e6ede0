/**
 * `npm run bench -- --scenario limits`: what refusing an abusive request costs the router. One
 * router (rate limits off, every other limit at its default) is loaded with each attack of the
 * request-limits tests in turn, and with `{ __typename }`, which it answers itself, as the
 * baseline measured in the same run. No subgraph runs: nothing refused may reach one.
 */
import { randomBytes } from 'node:crypto';
import { findFreePort } from '@play-economy/local-stack';
import { measureLoad } from './measureLoad.ts';
import { postGraphQL } from './postGraphQL.ts';
import { measureProcesses } from './readProcessStats.ts';
import { serverEnv } from './serverEnv.ts';
import { startServer } from './startServer.ts';

export interface LimitsBenchOptions {
  durationSeconds: number;
  connections: number;
  warmupSeconds: number;
  progress: (message: string) => void;
}

const repeat = (count: number, make: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => make(i)).join(' ');

/** Each attack, what the router must answer, and the baseline first. */
const CASES = [
  { name: '`{ __typename }` (baseline, answered)', query: '{ __typename }', status: 200 },
  {
    name: '2,000 aliases of `items(first: 100)` (length)',
    query: `{ ${repeat(2000, (i) => `a${i}: items(first: 100) { edges { node { id name } } }`)} }`,
    status: 400,
  },
  {
    name: 'a query 80 levels deep (depth)',
    query: `{ me { ${'purchases { user { '.repeat(40)}id${' } }'.repeat(40)} } }`,
    status: 400,
  },
  {
    name: 'one field 3,000 times (tokens)',
    query: `{ items { edges { node { ${'name '.repeat(3000)}} } } }`,
    status: 400,
  },
  {
    name: '60 directives on one field (directives)',
    query: `{ me ${'@include(if: true) '.repeat(60)}{ id } }`,
    status: 400,
  },
  {
    name: 'nested pages of 100 (cost)',
    query: '{ users(first: 100) { edges { node { purchases(first: 100) { id } } } } }',
    status: 400,
  },
] as const;

export async function benchLimits(options: LimitsBenchOptions): Promise<string> {
  const { progress } = options;
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  progress('limits: starting the router (no subgraph behind it)');
  const router = await startServer({
    name: 'router',
    entry: 'router/src/main.ts',
    env: serverEnv({
      ROUTER_PORT: String(port),
      ROUTER_HOST: '127.0.0.1',
      ROUTER_SECRET: randomBytes(32).toString('base64url'),
      ROUTER_CACHE: 'false',
      // Every request comes from one address: the rate limit would refuse them all.
      ROUTER_RATE_LIMIT_PER_MINUTE: '0',
    }),
    isReady: async () =>
      (await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(2000) }))
        .ok,
    readyTimeoutMs: 60_000,
  });
  const rows: string[] = [];
  try {
    let baselineCpuMs = Number.NaN;
    for (const { name, query, status } of CASES) {
      const body = JSON.stringify({ query });
      const sample = await postGraphQL(url, query);
      if (sample.status !== status) {
        throw new Error(`${name}: expected HTTP ${status}, got ${sample.status}: ${sample.text}`);
      }
      const load = {
        url,
        body,
        connections: options.connections,
        expectedBody: sample.text,
        ...(status === 200 ? {} : { expectedStatus: status }),
      };
      if (options.warmupSeconds > 0) {
        await measureLoad({ ...load, durationSeconds: options.warmupSeconds });
      }
      progress(`limits: ${name} for ${options.durationSeconds} s`);
      const {
        result: figures,
        cpuSeconds: [cpu = 0],
      } = await measureProcesses([router.pid], () =>
        measureLoad({ ...load, durationSeconds: options.durationSeconds }),
      );
      const cpuMs = (cpu * 1000) / figures.requests;
      if (Number.isNaN(baselineCpuMs)) baselineCpuMs = cpuMs;
      const code = sample.text.match(/"code":"([A-Z_]+)"/)?.[1] ?? '';
      const limit = sample.text.match(/"limit":"(\w+)"/)?.[1];
      rows.push(
        `| ${name} | ${status} ${code}${limit ? ` (${limit})` : ''} | ${body.length.toLocaleString('en')} | ` +
          `${Math.round(figures.requestsPerSecond)} | ${figures.p50Ms} | ${figures.p99Ms} | ` +
          `${cpuMs.toFixed(3)} | ×${(cpuMs / baselineCpuMs).toFixed(1)} |`,
      );
    }
  } finally {
    await router.stop();
  }
  return [
    `### Request limits: what a refusal costs the router`,
    '',
    `${options.connections} connections, ${options.durationSeconds} s per row, one router process. ` +
      'Router CPU per request is the process CPU time over the run divided by the requests.',
    '',
    '| request | answer | body bytes | requests/s | p50 ms | p99 ms | router CPU ms/request | CPU vs baseline |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
