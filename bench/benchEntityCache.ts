/**
 * The entity-cache part of `npm run bench`: the catalog read query and a federated query
 * (catalog + inventory's per-caller `ownedQuantity`), each against a plain `@apollo/gateway`,
 * the router with its cache off (every request fetched from the subgraphs, as a cold cache
 * would) and the router with its cache warm, in memory and, when Redis answers, in Redis.
 *
 * The router's cache needs an event source to be on, so these runs need RabbitMQ (`--amqp-url`,
 * default the loopback broker); its subgraphs run embedded and publish nothing there, as the
 * load only reads.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { Role, signViewer, VIEWER_HEADER } from '@play-economy/chassis';
import { findFreePort } from '@play-economy/local-stack';
import { measureLoad } from './measureLoad.ts';
import { postGraphQL } from './postGraphQL.ts';
import { readProcessStats } from './readProcessStats.ts';
import { startServer, type ServerProcess } from './startServer.ts';

export interface EntityCacheBenchOptions {
  durationSeconds: number;
  connections: number;
  warmupSeconds: number;
  /** RabbitMQ for the router's invalidation queue; loopback only. */
  amqpUrl: string;
  /** Redis for the shared-cache runs; skipped when it does not answer. */
  redisUrl: string;
  progress: (message: string) => void;
}

const QUERIES = {
  catalog: '{ items(first: 20) { edges { node { id name price } } } }',
  federated: '{ items(first: 20) { edges { node { name price ownedQuantity } } } }',
} as const;
const SEEDED_ITEMS = 50;
const READY_TIMEOUT_MS = 60_000;
const ROUTER_SECRET = randomBytes(32).toString('base64url');
/** Settings of this shell that must not reach the servers (see `bench/run.ts`). */
const LEAKY_SETTING =
  /^(MONGODB_URL|AMQP_URL|REDIS_URL|DATA_DIR|SUPERGRAPH_PATH|SUBGRAPH_URLS|INTROSPECTION|ROUTER_\w+|CATALOG_\w+|INVENTORY_\w+|JWKS_URL|JWT_\w+|APOLLO_\w+|OTEL_\w+)$/;

interface Contender {
  label: string;
  entry: string;
  args?: string[];
  env: Record<string, string>;
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
  const inherited = Object.entries(process.env).filter(([key]) => !LEAKY_SETTING.test(key));
  return {
    ...Object.fromEntries(inherited),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    ROUTER_SECRET,
    APOLLO_TELEMETRY_DISABLED: 'true',
    ...settings,
  };
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
        args: ['--catalog-url', catalog.url, '--inventory-url', inventory.url],
        env: {},
      },
      router('router, cache off (cold)', { ROUTER_CACHE: 'false' }),
      router('router, cache warm (memory)', {}),
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

    for (const query of Object.keys(QUERIES) as (keyof typeof QUERIES)[]) {
      let firstAnswer: string | undefined;
      for (const contender of contenders) {
        const step = `entity cache, ${query} query, ${contender.label}`;
        const port = await findFreePort();
        const serverUrl = `http://127.0.0.1:${port}/graphql`;
        const isRouter = contender.entry.startsWith('router');
        progress(`${step}: starting`);
        const server = await startServer({
          name: contender.label,
          entry: contender.entry,
          args: isRouter ? [] : ['--port', String(port), ...(contender.args ?? [])],
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
        });
        try {
          const sample = await postGraphQL(serverUrl, QUERIES[query]);
          const data = JSON.stringify(sample.body?.data);
          if (sample.status !== 200 || sample.body?.errors !== undefined) {
            throw new Error(`${step}: unexpected answer ${sample.text.slice(0, 300)}`);
          }
          firstAnswer ??= data;
          if (data !== firstAnswer) throw new Error(`${step}: answers differ between servers`);
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
  ].join('\n');
}
