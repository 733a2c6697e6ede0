/**
 * The entity-cache part of `npm run bench`: the catalog read query and a federated query
 * (catalog + inventory's per-caller `ownedQuantity`), each against a plain `@apollo/gateway`,
 * the router with its cache off (every request fetched from the subgraphs, as a cold cache
 * would) and the router with its cache warm, in memory and, when Redis answers, in Redis; the
 * catalog query also against a bare `node:http` server answering the warm router's answer to
 * every request (`bareHttpServer.ts`), the ceiling the warm cache is measured against.
 *
 * The router's cache needs an event source to be on, so these runs need RabbitMQ (`--amqp-url`,
 * default the loopback broker); its subgraphs run embedded and publish nothing there, as the
 * load only reads.
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Role, signViewer, VIEWER_HEADER } from '@play-economy/chassis';
import { findFreePort } from '@play-economy/local-stack';
import { measureLoad } from './measureLoad.ts';
import { postGraphQL } from './postGraphQL.ts';
import { readProcessStats } from './readProcessStats.ts';
import { serverEnv as cleanServerEnv } from './serverEnv.ts';
import { startServer, type ServerProcess } from './startServer.ts';

export interface EntityCacheBenchOptions {
  durationSeconds: number;
  connections: number;
  warmupSeconds: number;
  /** RabbitMQ for the router's invalidation queue; loopback only. */
  amqpUrl: string;
  /** Redis for the shared-cache runs; skipped when it does not answer. */
  redisUrl: string;
  /** When set, each server under test writes a V8 CPU profile into a directory of its own here. */
  cpuProfileDir?: string | undefined;
  progress: (message: string) => void;
}

const QUERIES = {
  catalog: '{ items(first: 20) { edges { node { id name price } } } }',
  federated: '{ items(first: 20) { edges { node { name price ownedQuantity } } } }',
} as const;
const SEEDED_ITEMS = 50;
const READY_TIMEOUT_MS = 60_000;
const ROUTER_SECRET = randomBytes(32).toString('base64url');
/** The warm cache's goal: at least this share of the bare HTTP server's requests/s. */
const WARM_CACHE_GOAL = 0.25;
const WARM_MEMORY_LABEL = 'router, cache warm (memory)';
const BARE_HTTP_LABEL = 'bare `node:http`, same body';

interface Contender {
  label: string;
  entry: string;
  /** Arguments after `--port <port>`, for servers other than the router. */
  args?: () => string[];
  env: Record<string, string>;
  /** The one query this contender answers; every query when absent. */
  only?: keyof typeof QUERIES;
}

/** One measured row of the report. */
export interface CacheBenchRow {
  query: keyof typeof QUERIES;
  server: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  rssBytes: number;
  /** CPU time the catalog used during the load, per request: what the cache saves it. */
  catalogCpuPerRequestUs: number;
}

function serverEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  // One client address sends thousands of requests a second: no rate limit.
  return cleanServerEnv({ ROUTER_SECRET, ROUTER_RATE_LIMIT_PER_MINUTE: '0', ...settings });
}

async function startSubgraph(name: 'catalog' | 'inventory'): Promise<{
  process: ServerProcess;
  url: string;
}> {
  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const prefix = name.toUpperCase();
  const process = await startServer({
    name,
    entry: `subgraphs/${name}/src/main.ts`,
    env: serverEnv({ [`${prefix}_PORT`]: String(port), [`${prefix}_HOST`]: '127.0.0.1' }),
    isReady: async () =>
      (await fetch(`${origin}/health/ready`, { signal: AbortSignal.timeout(2000) })).ok,
    readyTimeoutMs: READY_TIMEOUT_MS,
  });
  return { process, url: `${origin}/graphql` };
}

async function seed(catalogUrl: string): Promise<void> {
  const headers = {
    [VIEWER_HEADER]: signViewer({ userId: 'bench', roles: [Role.Admin] }, ROUTER_SECRET),
  };
  for (let index = 1; index <= SEEDED_ITEMS; index++) {
    const reply = await postGraphQL(
      catalogUrl,
      'mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }',
      {
        variables: {
          input: {
            name: `Bench item ${String(index).padStart(2, '0')}`,
            description: 'Seeded by npm run bench.',
            price: ((index * 37) % 1000) + 1,
          },
        },
        headers,
      },
    );
    if (reply.status !== 200 || reply.body?.errors !== undefined) {
      throw new Error(`seeding the catalog failed (HTTP ${reply.status}): ${reply.text}`);
    }
  }
}

async function redisAnswers(redisUrl: string): Promise<boolean> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** Runs every query against every contender once; returns the report as markdown. */
export async function benchEntityCache(options: EntityCacheBenchOptions): Promise<string> {
  const { progress } = options;
  const [loadAverageBefore = Number.NaN] = loadavg();
  const url = new URL(options.amqpUrl);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error('the bench only talks to loopback: --amqp-url must point at 127.0.0.1');
  }
  progress('entity cache: starting the catalog and inventory subgraphs (embedded)');
  const catalog = await startSubgraph('catalog');
  const inventory = await startSubgraph('inventory');
  const rows: CacheBenchRow[] = [];
  /** The warm router's answer to the catalog query, which the bare HTTP server then serves. */
  let warmCatalogAnswer: string | undefined;
  try {
    await seed(catalog.url);
    const subgraphUrls = `catalog=${catalog.url},inventory=${inventory.url}`;
    const router = (label: string, settings: Record<string, string>): Contender => ({
      label,
      entry: 'router/src/main.ts',
      env: { SUBGRAPH_URLS: subgraphUrls, AMQP_URL: options.amqpUrl, ...settings },
    });
    const contenders: Contender[] = [
      {
        label: 'plain gateway',
        entry: 'bench/plainGateway.ts',
        args: () => ['--subgraph-urls', subgraphUrls],
        env: {},
      },
      router('router, cache off (cold)', { ROUTER_CACHE: 'false' }),
      router(WARM_MEMORY_LABEL, {}),
    ];
    if (await redisAnswers(options.redisUrl)) {
      contenders.push(
        router('router, cache warm (Redis)', {
          REDIS_URL: options.redisUrl,
          ROUTER_CACHE_KEY_PREFIX: `bench:${randomBytes(4).toString('hex')}:`,
        }),
      );
    } else {
      progress(`entity cache: Redis does not answer at ${options.redisUrl}; skipping its runs`);
    }
    contenders.push({
      label: BARE_HTTP_LABEL,
      entry: 'bench/bareHttpServer.ts',
      args: () => {
        if (warmCatalogAnswer === undefined) throw new Error('no warm-cache answer to serve');
        return ['--body', warmCatalogAnswer];
      },
      env: {},
      only: 'catalog',
    });

    for (const query of Object.keys(QUERIES) as (keyof typeof QUERIES)[]) {
      let firstAnswer: string | undefined;
      for (const contender of contenders) {
        if (contender.only !== undefined && contender.only !== query) continue;
        const step = `entity cache, ${query} query, ${contender.label}`;
        const port = await findFreePort();
        const serverUrl = `http://127.0.0.1:${port}/graphql`;
        const isRouter = contender.entry.startsWith('router');
        const cpuProfileDir =
          options.cpuProfileDir === undefined
            ? undefined
            : join(
                options.cpuProfileDir,
                `cache-${query}-${contender.label.replace(/\W+/g, '-').replace(/-$/, '')}`,
              );
        if (cpuProfileDir !== undefined) await mkdir(cpuProfileDir, { recursive: true });
        progress(`${step}: starting`);
        const server = await startServer({
          name: contender.label,
          entry: contender.entry,
          args: isRouter ? [] : ['--port', String(port), ...(contender.args?.() ?? [])],
          env: serverEnv(
            isRouter
              ? { ROUTER_PORT: String(port), ROUTER_HOST: '127.0.0.1', ...contender.env }
              : contender.env,
          ),
          isReady: async () => {
            const { body } = await postGraphQL(serverUrl, QUERIES[query], { timeoutMs: 2000 });
            return body !== undefined && 'data' in body;
          },
          readyTimeoutMs: READY_TIMEOUT_MS,
          ...(cpuProfileDir !== undefined && { cpuProfileDir }),
        });
        try {
          const sample = await postGraphQL(serverUrl, QUERIES[query]);
          const data = JSON.stringify(sample.body?.data);
          if (sample.status !== 200 || sample.body?.errors !== undefined) {
            throw new Error(`${step}: unexpected answer ${sample.text.slice(0, 300)}`);
          }
          firstAnswer ??= data;
          if (data !== firstAnswer) throw new Error(`${step}: answers differ between servers`);
          if (query === 'catalog' && contender.label === WARM_MEMORY_LABEL) {
            warmCatalogAnswer = sample.text;
          }
          const load = {
            url: serverUrl,
            body: JSON.stringify({ query: QUERIES[query] }),
            connections: options.connections,
            expectedBody: sample.text,
          };
          if (options.warmupSeconds > 0) {
            await measureLoad({ ...load, durationSeconds: options.warmupSeconds });
          }
          progress(`${step}: measuring for ${options.durationSeconds} s`);
          const catalogBefore = await readProcessStats(catalog.process.pid);
          const figures = await measureLoad({ ...load, durationSeconds: options.durationSeconds });
          const [serverAfter, catalogAfter] = await Promise.all([
            readProcessStats(server.pid),
            readProcessStats(catalog.process.pid),
          ]);
          progress(
            `${step}: ${Math.round(figures.requestsPerSecond)} requests/s, ` +
              `p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms`,
          );
          rows.push({
            query,
            server: contender.label,
            requestsPerSecond: figures.requestsPerSecond,
            p50Ms: figures.p50Ms,
            p99Ms: figures.p99Ms,
            rssBytes: serverAfter.rssBytes,
            catalogCpuPerRequestUs:
              ((catalogAfter.cpuSeconds - catalogBefore.cpuSeconds) * 1e6) / figures.requests,
          });
        } finally {
          await server.stop();
        }
      }
    }
  } finally {
    await inventory.process.stop();
    await catalog.process.stop();
  }
  return formatCacheReport(options, rows, loadAverageBefore);
}

function formatCacheReport(
  options: EntityCacheBenchOptions,
  rows: readonly CacheBenchRow[],
  loadAverageBefore: number,
) {
  const count = (value: number) => Math.round(value).toLocaleString('en-US');
  const catalogRow = (server: string) =>
    rows.find((row) => row.query === 'catalog' && row.server === server);
  const warm = catalogRow(WARM_MEMORY_LABEL);
  const bare = catalogRow(BARE_HTTP_LABEL);
  const share = warm && bare ? warm.requestsPerSecond / bare.requestsPerSecond : Number.NaN;
  return [
    `### Entity cache: cold vs warm, beside plain \`@apollo/gateway\` (${new Date().toISOString().slice(0, 10)})`,
    '',
    `- Catalog query: \`${QUERIES.catalog}\`; federated query: \`${QUERIES.federated}\` ` +
      `(catalog, then inventory for \`ownedQuantity\`, which is per caller and never cached); ` +
      `${SEEDED_ITEMS} items`,
    `- Load: autocannon, ${options.connections} connections, ${options.durationSeconds} s per ` +
      `run after a ${options.warmupSeconds} s warm-up, every response checked; "cold" is the ` +
      'cache off, so every request goes to the subgraphs, as it would with an empty cache',
    `- Same machine as above; 1-minute load average before these runs ${loadAverageBefore.toFixed(2)}`,
    '',
    '| query | server | requests/s | p50 | p99 | RSS after load | catalog CPU / request |',
    '| --- | --- | --: | --: | --: | --: | --: |',
    ...rows.map(
      (row) =>
        `| ${row.query} | ${row.server} | ${count(row.requestsPerSecond)} | ${row.p50Ms} ms | ` +
        `${row.p99Ms} ms | ${Math.round(row.rssBytes / 2 ** 20)} MiB | ` +
        `${count(row.catalogCpuPerRequestUs)} µs |`,
    ),
    '',
    `Catalog query, warm cache (memory) vs a bare \`node:http\` server answering the same body: ` +
      `${count(warm?.requestsPerSecond ?? Number.NaN)} vs ` +
      `${count(bare?.requestsPerSecond ?? Number.NaN)} requests/s, ` +
      `${(100 * share).toFixed(0)} % (goal ≥ ${100 * WARM_CACHE_GOAL} %: ` +
      `${share >= WARM_CACHE_GOAL ? '**met**' : 'not met'}).`,
    '',
  ].join('\n');
}
