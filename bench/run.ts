/**
 * `npm run bench`: throughput, latency and memory of the router beside a plain
 * `@apollo/gateway` + `@apollo/server` with default settings, both over the same catalog
 * subgraph, measured in the same run; the same comparison on the public gateways benchmark's
 * federation test (`benchFederation.ts`); the entity cache (`benchEntityCache.ts`); then the
 * purchase saga end to end on RabbitMQ (`measurePurchases.ts`) and subscriptions. Each server
 * runs in its own child process so its memory can be read alone; the load generator
 * (autocannon) runs in this one. Prints a markdown report on stdout and progress on stderr.
 *
 *   npm run bench -- --duration 15 --connections 20
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Role, signViewer, VIEWER_HEADER } from '@play-economy/chassis';
import { benchEntityCache } from './benchEntityCache.ts';
import { benchLimits } from './benchLimits.ts';
import {
  benchFederation,
  FEDERATION_CONTENDERS,
  FEDERATION_RUN_OVERHEAD_MS,
  FEDERATION_SETUP_BUDGET_MS,
} from './benchFederation.ts';
import { benchSubscriptions, formatSubscriptionReport } from './benchSubscriptions.ts';
import { findFreePort } from '@play-economy/local-stack';
import { describeMachine } from './describeMachine.ts';
import { formatReport, type RunFigures } from './formatReport.ts';
import { measureLoad } from './measureLoad.ts';
import { benchPurchases, PURCHASE_RUN_BUDGET_MS } from './measurePurchases.ts';
import { postGraphQL, type GraphQLReply } from './postGraphQL.ts';
import { measureProcesses } from './readProcessStats.ts';
import { serverEnv as cleanServerEnv } from './serverEnv.ts';
import { startServer, type ServerProcess, type StartServerOptions } from './startServer.ts';
import { summarizeCpuProfile } from './summarizeCpuProfile.ts';

const QUERY = '{ items(first: 20) { edges { node { id name price } } } }';
const PAGE_SIZE = 20;
const SEEDED_ITEMS = 50;
const READY_TIMEOUT_MS = 60_000;
const CHECK_TIMEOUT_MS = 2_000;
/**
 * Connections when `--connections` is not given; the federation scenario's is the public
 * benchmark's.
 */
const DEFAULT_CONNECTIONS = 20;
const FEDERATION_CONNECTIONS = 50;
/** The subscription benchmark run after the HTTP one (`bench/subscriptions.ts` runs it alone). */
const SUBSCRIPTION_BENCH = { subscribers: 5000, events: 100, users: 50 };
const SUBSCRIPTION_BENCH_BUDGET_MS = 300_000;
/** Shared by the catalog and the server in front of it, fresh for every benchmark. */
const ROUTER_SECRET = randomBytes(32).toString('base64url');

const USAGE = `Usage: npm run bench -- [options]

  --duration <s>      measured seconds per run (default 15, at most 120)
  --connections <n>   concurrent keep-alive connections (default 20, and 50 in the
                      federation scenario as in the public benchmark; at most 500)
  --warmup <s>        unmeasured seconds before each run, twice that on the catalog
                      alone before the first (default 3, at most 60)
  --runs <n>          runs per server, alternating (default 2, at most 5); also runs of
                      the purchase scenario
  --scenario <name>   all (default); router (router vs plain gateway); federation (the
                      same on the public gateways benchmark's four subgraphs and query);
                      cache (the entity cache cold and warm); purchases (1,000 purchases
                      over 50 players); subscriptions (5,000 subscribers, 100 events);
                      limits (what refusing an abusive request costs the router)
  --amqp-url <url>    loopback RabbitMQ for the cache and purchase scenarios
                      (default AMQP_URL, else amqp://guest:guest@127.0.0.1:5672)
  --redis-url <url>   loopback Redis for the shared-cache runs (default redis://127.0.0.1:6379)
  --cpu-prof          profile the servers under test of the router, federation and cache
                      scenarios (node --cpu-prof) and print their top functions by self time
  --cpu-prof-dir <d>  where the profiles go (default a new directory in the OS temp dir)
  --help              this text
`;

interface BenchOptions {
  durationSeconds: number;
  /** `--connections`, when given. */
  connections: number | undefined;
  warmupSeconds: number;
  runs: number;
  amqpUrl: string;
  redisUrl: string;
  scenario: 'all' | 'router' | 'federation' | 'cache' | 'purchases' | 'subscriptions' | 'limits';
  /** Set by `--cpu-prof`: servers under test write their CPU profiles under it. */
  cpuProfileDir: string | undefined;
}

/** A server under test: how to start it on `port` in front of the catalog at `catalogUrl`. */
interface Contender {
  key: string;
  label: string;
  start(
    port: number,
    catalogUrl: string,
  ): Omit<StartServerOptions, 'isReady' | 'readyTimeoutMs' | 'cpuProfileDir'>;
}

const CONTENDERS: readonly Contender[] = [
  {
    key: 'router',
    label: 'router (`router/src/main.ts`)',
    start: (port, catalogUrl) => ({
      name: 'router',
      entry: 'router/src/main.ts',
      env: serverEnv({
        ROUTER_PORT: String(port),
        ROUTER_HOST: '127.0.0.1',
        SUBGRAPH_URLS: `catalog=${catalogUrl}`,
      }),
    }),
  },
  {
    key: 'plain',
    label: 'plain gateway (`bench/plainGateway.ts`)',
    start: (port, catalogUrl) => ({
      name: 'plain gateway',
      entry: 'bench/plainGateway.ts',
      args: ['--port', String(port), '--subgraph-urls', `catalog=${catalogUrl}`],
      env: serverEnv({}),
    }),
  },
];

/**
 * The environment of a server: `serverEnv`'s, with this benchmark's router secret and no rate
 * limit (one client address sends thousands of requests a second).
 */
function serverEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  return cleanServerEnv({ ROUTER_SECRET, ROUTER_RATE_LIMIT_PER_MINUTE: '0', ...settings });
}

async function parseOptions(): Promise<BenchOptions> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '15' },
      connections: { type: 'string' },
      warmup: { type: 'string', default: '3' },
      runs: { type: 'string', default: '2' },
      'amqp-url': {
        type: 'string',
        default: process.env['AMQP_URL'] || 'amqp://guest:guest@127.0.0.1:5672',
      },
      'redis-url': { type: 'string', default: 'redis://127.0.0.1:6379' },
      scenario: { type: 'string', default: 'all' },
      'cpu-prof': { type: 'boolean', default: false },
      'cpu-prof-dir': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  return {
    durationSeconds: integer('--duration', values.duration, 1, 120),
    connections:
      values.connections === undefined
        ? undefined
        : integer('--connections', values.connections, 1, 500),
    warmupSeconds: integer('--warmup', values.warmup, 0, 60),
    runs: integer('--runs', values.runs, 1, 5),
    amqpUrl: values['amqp-url'],
    redisUrl: values['redis-url'],
    scenario: scenarioOf(values.scenario),
    cpuProfileDir: values['cpu-prof']
      ? resolve(values['cpu-prof-dir'] ?? (await mkdtemp(join(tmpdir(), 'bench-cpu-prof-'))))
      : undefined,
  };
}

function scenarioOf(value: string): BenchOptions['scenario'] {
  const scenarios = [
    'all',
    'router',
    'federation',
    'cache',
    'purchases',
    'subscriptions',
    'limits',
  ] as const;
  const scenario = scenarios.find((name) => name === value);
  if (scenario) return scenario;
  throw new Error(`--scenario must be one of ${scenarios.join(', ')}, not "${value}"`);
}

/** Whether `scenario` is part of this invocation. */
function runs(options: BenchOptions, scenario: BenchOptions['scenario']): boolean {
  return options.scenario === 'all' || options.scenario === scenario;
}

function integer(flag: string, value: string, min: number, max: number): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new Error(`${flag} must be a whole number from ${min} to ${max}, not "${value}"`);
  }
  return parsed;
}

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function startCatalog(): Promise<{ process: ServerProcess; url: string }> {
  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const catalog = await startServer({
    name: 'catalog',
    entry: 'subgraphs/catalog/src/main.ts',
    env: serverEnv({ CATALOG_PORT: String(port), CATALOG_HOST: '127.0.0.1' }),
    isReady: async () =>
      (await fetch(`${origin}/health/ready`, { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) })).ok,
    readyTimeoutMs: READY_TIMEOUT_MS,
  });
  return { process: catalog, url: `${origin}/graphql` };
}

const CREATE_ITEM = `mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }`;

/**
 * Adds `SEEDED_ITEMS` items through GraphQL and checks the catalog holds exactly those. The
 * catalog answers the router only, so the bench signs the viewer header as the router would,
 * for an administrator.
 */
async function seedCatalog(catalogUrl: string): Promise<void> {
  const asAdmin = () => ({
    [VIEWER_HEADER]: signViewer({ userId: 'bench', roles: [Role.Admin] }, ROUTER_SECRET),
  });
  for (let index = 1; index <= SEEDED_ITEMS; index++) {
    const input = {
      name: `Bench item ${String(index).padStart(2, '0')}`,
      description: 'Seeded by npm run bench.',
      price: ((index * 37) % 1000) + 1,
    };
    const reply = await postGraphQL(catalogUrl, CREATE_ITEM, {
      variables: { input },
      headers: asAdmin(),
    });
    if (reply.status !== 200 || reply.body?.errors !== undefined) {
      throw new Error(`seeding the catalog failed (HTTP ${reply.status}): ${reply.text}`);
    }
  }
  const reply = await postGraphQL(catalogUrl, '{ items(first: 0) { totalCount } }', {
    headers: asAdmin(),
  });
  const total = (reply.body?.data as { items?: { totalCount?: number } } | undefined)?.items
    ?.totalCount;
  if (total !== SEEDED_ITEMS) {
    throw new Error(`the catalog holds ${String(total)} items, not the ${SEEDED_ITEMS} seeded`);
  }
}

/** Whether `reply` is the page the benchmark query must get: HTTP 200, 20 items, no errors. */
function isExpectedPage(reply: GraphQLReply): boolean {
  const data = reply.body?.data as
    | { items?: { edges?: { node?: { id?: unknown; name?: unknown; price?: unknown } }[] } }
    | undefined;
  const edges = data?.items?.edges;
  return (
    reply.status === 200 &&
    reply.body?.errors === undefined &&
    Array.isArray(edges) &&
    edges.length === PAGE_SIZE &&
    edges.every(
      ({ node }) =>
        typeof node?.id === 'string' &&
        typeof node.name === 'string' &&
        typeof node.price === 'number',
    )
  );
}

/**
 * Puts the benchmark query's load on the catalog alone, so that the server measured first does
 * not pay for the catalog's own warm-up (its JIT, its heap growing), which would bias the
 * comparison against whichever server goes first.
 */
async function warmUpCatalog(catalogUrl: string, options: BenchOptions): Promise<void> {
  const headers = { [VIEWER_HEADER]: signViewer(null, ROUTER_SECRET) };
  const sample = await postGraphQL(catalogUrl, QUERY, { headers });
  if (!isExpectedPage(sample)) {
    throw new Error(`the catalog answers ${sample.status}: ${sample.text.slice(0, 500)}`);
  }
  await measureLoad({
    url: catalogUrl,
    body: JSON.stringify({ query: QUERY }),
    headers,
    connections: options.connections ?? DEFAULT_CONNECTIONS,
    durationSeconds: 2 * options.warmupSeconds,
    expectedBody: sample.text,
  });
}

/** One run against one server: start it, check it, warm it up, measure it, stop it. */
async function measureRun(
  contender: Contender,
  run: number,
  catalog: { process: ServerProcess; url: string },
  options: BenchOptions,
  firstPage: { text?: string },
): Promise<RunFigures> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const step = `${contender.key}, run ${run} of ${options.runs}`;
  const cpuProfileDir = await profileDirOf(options, `router-${contender.key}-run${run}`);
  progress(`${step}: starting`);
  const server = await startServer({
    ...contender.start(port, catalog.url),
    // Ready once GraphQL answers at all; whether the answer is right is checked next, at once.
    isReady: async () => {
      const { body } = await postGraphQL(url, QUERY, { timeoutMs: CHECK_TIMEOUT_MS });
      return body !== undefined && ('data' in body || 'errors' in body);
    },
    readyTimeoutMs: READY_TIMEOUT_MS,
    ...(cpuProfileDir !== undefined && { cpuProfileDir }),
  });
  try {
    const sample = await postGraphQL(url, QUERY);
    if (!isExpectedPage(sample)) {
      throw new Error(`unexpected answer (HTTP ${sample.status}): ${sample.text.slice(0, 500)}`);
    }
    // Both servers must serve the same data, or they are not doing the same work.
    const data = JSON.stringify(sample.body?.data);
    firstPage.text ??= data;
    if (data !== firstPage.text) {
      throw new Error(`its answer differs from the first server's: ${sample.text.slice(0, 500)}`);
    }
    const load = {
      url,
      body: JSON.stringify({ query: QUERY }),
      connections: options.connections ?? DEFAULT_CONNECTIONS,
      expectedBody: sample.text,
    };
    if (options.warmupSeconds > 0) {
      progress(`${step}: warming up for ${options.warmupSeconds} s`);
      await measureLoad({ ...load, durationSeconds: options.warmupSeconds });
    }
    progress(`${step}: measuring for ${options.durationSeconds} s`);
    const {
      result: figures,
      cpuSeconds: [serverCpu = 0, catalogCpu = 0],
      after: [serverAfter],
    } = await measureProcesses([server.pid, catalog.process.pid], () =>
      measureLoad({ ...load, durationSeconds: options.durationSeconds }),
    );
    const perRequestUs = (seconds: number) => (seconds * 1e6) / figures.requests;
    progress(
      `${step}: ${Math.round(figures.requestsPerSecond)} requests/s, ` +
        `p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms`,
    );
    return {
      server: contender.key,
      run,
      requestsPerSecond: figures.requestsPerSecond,
      p50Ms: figures.p50Ms,
      p99Ms: figures.p99Ms,
      rssBytes: serverAfter?.rssBytes ?? 0,
      serverCpuPerRequestUs: perRequestUs(serverCpu),
      catalogCpuPerRequestUs: perRequestUs(catalogCpu),
    };
  } catch (error) {
    throw new Error(
      `${step}: ${describe(error)}\n${lastOutput(server)}${lastOutput(catalog.process)}`,
      { cause: error },
    );
  } finally {
    await server.stop();
    // LOG_LEVEL=warn: anything a server wrote during a valid run deserves a look.
    if (server.output() !== '') progress(`${step}: the server wrote:\n${server.output()}`);
  }
}

function lastOutput(server: ServerProcess): string {
  const output = server.output();
  return output === '' ? '' : `--- last output of ${server.name} ---\n${output}\n`;
}

/** The message of `error` followed by those of its causes. */
function describe(error: unknown): string {
  const messages: string[] = [];
  for (let current = error; current !== undefined && messages.length < 5;) {
    const message = current instanceof Error ? current.message : String(current);
    // A wrapper often quotes its cause already.
    if (!messages.some((earlier) => earlier.includes(message))) messages.push(message);
    current = current instanceof Error ? current.cause : undefined;
  }
  return messages.join(': ');
}

/** The directory the server of one run profiles into, when `--cpu-prof` is on. */
async function profileDirOf(options: BenchOptions, name: string): Promise<string | undefined> {
  if (options.cpuProfileDir === undefined) return undefined;
  const dir = join(options.cpuProfileDir, name);
  await mkdir(dir, { recursive: true });
  return dir;
}

/**
 * The top functions of every main-thread profile written under `dir` (a directory per server
 * run; `CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile`, thread 0 being the main one).
 */
async function summarizeCpuProfiles(dir: string): Promise<string> {
  const sections: string[] = [`\n### CPU profiles (\`--cpu-prof\`, in ${dir})\n`];
  for (const run of (await readdir(dir, { withFileTypes: true })).filter((entry) =>
    entry.isDirectory(),
  )) {
    const files = (await readdir(join(dir, run.name))).filter((file) =>
      /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(file),
    );
    for (const file of files.sort()) {
      sections.push(`#### ${run.name}\n`, await summarizeCpuProfile(join(dir, run.name, file)));
    }
    if (files.length === 0) sections.push(`#### ${run.name}\n`, 'No profile was written.\n');
  }
  return sections.join('\n');
}

async function main(): Promise<void> {
  const options = await parseOptions();
  // Every child is killed on exit (startServer), so exiting is enough to clean up.
  process.once('SIGINT', () => {
    progress('interrupted; stopping the servers');
    process.exit(130);
  });
  process.once('SIGTERM', () => process.exit(143));
  // Every step is bounded on its own; this bounds the whole, should anything hang regardless.
  const runMs = (options.warmupSeconds + options.durationSeconds + 30) * 1000;
  const budgetMs =
    (runs(options, 'router')
      ? 2 * READY_TIMEOUT_MS +
        2 * options.warmupSeconds * 1000 +
        options.runs * CONTENDERS.length * (READY_TIMEOUT_MS + runMs)
      : 0) +
    (runs(options, 'federation')
      ? FEDERATION_SETUP_BUDGET_MS +
        options.runs *
          FEDERATION_CONTENDERS *
          (FEDERATION_RUN_OVERHEAD_MS + (options.warmupSeconds + options.durationSeconds) * 1000)
      : 0) +
    // The entity-cache runs: two subgraphs, then 2 queries × at most 4 servers, plus the bare
    // HTTP server for the catalog query.
    (runs(options, 'cache') ? 2 * READY_TIMEOUT_MS + 9 * (READY_TIMEOUT_MS + runMs) : 0) +
    (runs(options, 'purchases') ? options.runs * PURCHASE_RUN_BUDGET_MS : 0) +
    (runs(options, 'subscriptions') ? SUBSCRIPTION_BENCH_BUDGET_MS : 0) +
    (runs(options, 'limits') ? READY_TIMEOUT_MS + 6 * runMs : 0);
  setTimeout(() => {
    progress(`gave up after ${Math.round(budgetMs / 1000)} s`);
    process.exit(1);
  }, budgetMs).unref();

  if (options.cpuProfileDir !== undefined) {
    progress(`CPU profiles of the servers under test go to ${options.cpuProfileDir}`);
  }
  if (runs(options, 'router')) await benchRouter(options);
  if (runs(options, 'federation')) {
    const report = await benchFederation({
      ...options,
      connections: options.connections ?? FEDERATION_CONNECTIONS,
      progress,
    });
    process.stdout.write(`\n${report}`);
  }
  if (runs(options, 'cache')) {
    const report = await benchEntityCache({
      ...options,
      connections: options.connections ?? DEFAULT_CONNECTIONS,
      progress,
    });
    process.stdout.write(`\n${report}`);
  }
  if (runs(options, 'purchases')) {
    await benchPurchases({ amqpUrl: options.amqpUrl, runs: options.runs, progress });
  }
  if (runs(options, 'subscriptions')) {
    // 5,000 subscribers through one router, a burst of 100 events.
    const subscriptionFigures = await benchSubscriptions({ ...SUBSCRIPTION_BENCH, progress });
    process.stdout.write(formatSubscriptionReport(subscriptionFigures));
  }
  if (runs(options, 'limits')) {
    const report = await benchLimits({
      ...options,
      connections: options.connections ?? DEFAULT_CONNECTIONS,
      progress,
    });
    process.stdout.write(`\n${report}`);
  }
  if (options.cpuProfileDir !== undefined) {
    process.stdout.write(await summarizeCpuProfiles(options.cpuProfileDir));
  }
}

/** The router beside a plain gateway, in front of one catalog. */
async function benchRouter(options: BenchOptions): Promise<void> {
  const [loadAverageBefore = Number.NaN] = loadavg();
  progress('starting the catalog subgraph (embedded store, in-process bus)');
  const catalog = await startCatalog();
  try {
    progress(`seeding ${SEEDED_ITEMS} items`);
    await seedCatalog(catalog.url);
    if (options.warmupSeconds > 0) {
      progress(`warming up the catalog alone for ${2 * options.warmupSeconds} s`);
      await warmUpCatalog(catalog.url, options);
    }
    const figures: RunFigures[] = [];
    const firstPage: { text?: string } = {};
    for (let run = 1; run <= options.runs; run++) {
      for (const contender of CONTENDERS) {
        figures.push(await measureRun(contender, run, catalog, options, firstPage));
      }
    }
    process.stdout.write(
      formatReport(
        {
          date: new Date(),
          query: QUERY,
          seededItems: SEEDED_ITEMS,
          connections: options.connections ?? DEFAULT_CONNECTIONS,
          durationSeconds: options.durationSeconds,
          warmupSeconds: options.warmupSeconds,
          runs: options.runs,
          machine: describeMachine(),
          nodeVersion: process.version,
          loadAverageBefore,
          servers: Object.fromEntries(CONTENDERS.map(({ key, label }) => [key, label])),
        },
        figures,
      ),
    );
  } finally {
    await catalog.process.stop();
  }
}

try {
  await main();
} catch (error) {
  process.stderr.write(`\nbench failed: ${describe(error)}\n`);
  process.exit(1);
}
