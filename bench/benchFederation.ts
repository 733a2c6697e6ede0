/**
 * The federation part of `npm run bench` (`--scenario federation`): the classic federation test
 * of the public gateways benchmark (github.com/graphql-hive/graphql-gateways-benchmark): its
 * accounts, inventory, products and reviews subgraphs, served lean (`bench/federation/`), and its
 * deep query with fragments over 50 connections, against a plain `@apollo/gateway` +
 * `@apollo/server` with default settings and against the router, alternately, in one run. The
 * supergraph is composed from the subgraphs' SDL at start, with `@apollo/composition`.
 *
 * The plain gateway's answer is the reference: every other server's must carry the same data,
 * and every response under load must be byte-identical to a checked sample, or the scenario
 * fails instead of reporting.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { findFreePort } from '@play-economy/local-stack';
import { describeMachine } from './describeMachine.ts';
import { BENCHMARK_QUERY } from './federation/benchmarkQuery.ts';
import { leanSubgraphs } from './federation/leanSubgraphs.ts';
import { measureLoad, type LoadFigures } from './measureLoad.ts';
import { median } from './median.ts';
import { postGraphQL, type GraphQLReply } from './postGraphQL.ts';
import { measureProcesses, readProcessStats } from './readProcessStats.ts';
import { serverEnv } from './serverEnv.ts';
import { startServer, type ServerProcess } from './startServer.ts';

export interface FederationBenchOptions {
  durationSeconds: number;
  connections: number;
  warmupSeconds: number;
  /** Runs per server, alternating. */
  runs: number;
  /** When set, each server under test writes a V8 CPU profile into a directory of its own here. */
  cpuProfileDir?: string | undefined;
  progress: (message: string) => void;
}

/** What the router aims at, relative to the plain gateway (medians of the runs). */
const GOALS = {
  requestsPerSecond: 10,
  p99: 1 / 3,
  cpuPerRequest: 1 / 10,
  rss: 1,
} as const;

const READY_TIMEOUT_MS = 60_000;
const CHECK_TIMEOUT_MS = 5_000;
const RSS_SAMPLE_INTERVAL_MS = 250;
/**
 * A response later than this invalidates the run. Above autocannon's 10 s default: the plain
 * gateway queues 50 connections at a few dozen requests/s on this query, so latencies of several
 * seconds are its real figures, not failures.
 */
const LOAD_TIMEOUT_SECONDS = 30;
/** Per-run budget beyond warm-up and measurement: start, checks, late answers, stop. */
export const FEDERATION_RUN_OVERHEAD_MS =
  READY_TIMEOUT_MS + 2 * LOAD_TIMEOUT_SECONDS * 1000 + 30_000;
/** Budget of what the scenario does once: subgraphs, composition. */
export const FEDERATION_SETUP_BUDGET_MS = READY_TIMEOUT_MS + 10_000;
const ROUTER_SECRET = randomBytes(32).toString('base64url');

/** A server under test: how to start it on `port` serving the supergraph at `supergraphPath`. */
interface Contender {
  key: 'plain' | 'router' | 'router-unshared';
  label: string;
  entry: string;
  args(port: number, supergraphPath: string): string[];
  env(port: number): NodeJS.ProcessEnv;
}

const CONTENDERS: readonly Contender[] = [
  {
    // First: its answer is the reference the router's is checked against.
    key: 'plain',
    label: 'plain gateway (`bench/plainGateway.ts`)',
    entry: 'bench/plainGateway.ts',
    args: (port, supergraphPath) => ['--port', String(port), '--supergraph', supergraphPath],
    // No ROUTER_SECRET: these subgraphs check no viewer, so the gateway is left exactly as
    // the public benchmark runs it.
    env: () => serverEnv({}),
  },
  routerContender('router', 'router (`router/src/main.ts`)', true),
  // The same router sending every fetch: how much sharing identical fetches in flight adds.
  routerContender('router-unshared', 'router, fetches not shared', false),
];

/** How many servers each run measures, for the bench's time budget. */
export const FEDERATION_CONTENDERS = CONTENDERS.length;

/** The router, with or without sharing identical subgraph fetches in flight. */
function routerContender(key: Contender['key'], label: string, shareFetches: boolean): Contender {
  return {
    key,
    label,
    entry: 'router/src/main.ts',
    args: (_port, supergraphPath) => ['--supergraph', supergraphPath],
    env: (port) =>
      serverEnv({
        ROUTER_PORT: String(port),
        ROUTER_HOST: '127.0.0.1',
        // Off, so every request reaches the subgraphs, as through the plain gateway.
        ROUTER_CACHE: 'false',
        ROUTER_DEDUPLICATE_FETCHES: String(shareFetches),
        // One client address sends thousands of requests a second, and the benchmark's lists
        // carry no @listSize: no rate limit and no maximum cost (costs are still computed).
        ROUTER_RATE_LIMIT_PER_MINUTE: '0',
        ROUTER_MAX_COST: '0',
        ROUTER_SECRET,
      }),
  };
}

/** The figures of one load run against one server. */
interface FederationRun {
  server: Contender['key'];
  run: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time of the server's process during the load, per response. */
  cpuPerRequestMs: number;
  /** Highest resident memory of the server's process sampled during the load. */
  peakRssBytes: number;
  /** CPU time of the subgraphs' process during the load, per response. */
  subgraphsCpuPerRequestMs: number;
}

/** What the runs found out beyond their figures. */
interface Reference {
  /** The plain gateway's answer: the whole body, and its `data` as JSON. */
  text?: string;
  data?: string;
  /** Whether every other server's body was byte-identical to it, not only its data. */
  identicalBytes: boolean;
}

interface Subgraphs {
  process: ServerProcess;
  origin: string;
}

/** Runs the scenario; returns its report as markdown. */
export async function benchFederation(options: FederationBenchOptions): Promise<string> {
  const { progress } = options;
  const [loadAverageBefore = Number.NaN] = loadavg();
  const workDir = await mkdtemp(join(tmpdir(), 'bench-federation-'));
  progress('federation: starting the lean subgraphs (accounts, inventory, products, reviews)');
  const subgraphs = await startSubgraphs();
  try {
    const supergraphPath = join(workDir, 'supergraph.graphql');
    await writeFile(supergraphPath, composeSupergraph(subgraphs.origin));
    progress(`federation: supergraph composed from the subgraphs' SDL`);
    const figures: FederationRun[] = [];
    const reference: Reference = { identicalBytes: true };
    for (let run = 1; run <= options.runs; run++) {
      for (const contender of CONTENDERS) {
        figures.push(
          await measureRun(contender, run, { supergraphPath, subgraphs, reference, options }),
        );
      }
    }
    return formatFederationReport(options, figures, reference, loadAverageBefore);
  } finally {
    await subgraphs.process.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

async function startSubgraphs(): Promise<Subgraphs> {
  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = await startServer({
    name: 'lean subgraphs',
    entry: 'bench/federation/serveLeanSubgraphs.ts',
    args: ['--port', String(port)],
    env: serverEnv({}),
    isReady: async () =>
      (await fetch(`${origin}/health`, { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) })).ok,
    readyTimeoutMs: READY_TIMEOUT_MS,
  });
  return { process: server, origin };
}

/** The supergraph of the lean subgraphs, routing to `origin`/<name>, as `rover` would compose it. */
function composeSupergraph(origin: string): string {
  const result = composeServices(
    leanSubgraphs.map(({ name, typeDefs }) => ({ name, typeDefs, url: `${origin}/${name}` })),
  );
  if (result.errors) {
    throw new Error(
      `the lean subgraphs do not compose: ${result.errors.map(({ message }) => message).join('; ')}`,
    );
  }
  return result.supergraphSdl;
}

/**
 * Whether `reply` looks like the benchmark's answer: HTTP 200, no `errors`, the six users and
 * five top products, every one with reviews. The exact data is then compared between servers.
 */
function isBenchmarkAnswer(reply: GraphQLReply): boolean {
  const data = reply.body?.data as
    { users?: { reviews?: unknown[] }[]; topProducts?: { reviews?: unknown[] }[] } | undefined;
  return (
    reply.status === 200 &&
    reply.body?.errors === undefined &&
    data?.users?.length === 6 &&
    data.topProducts?.length === 5 &&
    [...data.users, ...data.topProducts].every(({ reviews }) => Array.isArray(reviews))
  );
}

interface RunContext {
  supergraphPath: string;
  subgraphs: Subgraphs;
  reference: Reference;
  options: FederationBenchOptions;
}

/** One run against one server: start it, check its answer, warm it up, measure it, stop it. */
async function measureRun(
  contender: Contender,
  run: number,
  { supergraphPath, subgraphs, reference, options }: RunContext,
): Promise<FederationRun> {
  const { progress } = options;
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const step = `federation, ${contender.key}, run ${run} of ${options.runs}`;
  const cpuProfileDir =
    options.cpuProfileDir === undefined
      ? undefined
      : join(options.cpuProfileDir, `federation-${contender.key}-run${run}`);
  if (cpuProfileDir !== undefined) await mkdir(cpuProfileDir, { recursive: true });
  progress(`${step}: starting`);
  const server = await startServer({
    name: contender.label,
    entry: contender.entry,
    args: contender.args(port, supergraphPath),
    env: contender.env(port),
    // Ready once GraphQL answers at all; whether the answer is right is checked next, at once.
    isReady: async () => {
      const { status, body } = await postGraphQL(url, BENCHMARK_QUERY, {
        timeoutMs: CHECK_TIMEOUT_MS,
      });
      // 503: the router listens before its supergraph is loaded.
      return status !== 503 && body !== undefined && ('data' in body || 'errors' in body);
    },
    readyTimeoutMs: READY_TIMEOUT_MS,
    ...(cpuProfileDir !== undefined && { cpuProfileDir }),
  });
  try {
    const sample = await postGraphQL(url, BENCHMARK_QUERY, { timeoutMs: CHECK_TIMEOUT_MS });
    if (!isBenchmarkAnswer(sample)) {
      throw new Error(`unexpected answer (HTTP ${sample.status}): ${sample.text.slice(0, 500)}`);
    }
    // Servers answering differently are not doing the same work: the scenario stops here.
    const data = JSON.stringify(sample.body?.data);
    reference.text ??= sample.text;
    reference.data ??= data;
    if (data !== reference.data) {
      throw new Error(
        `its data differs from the plain gateway's: ${firstDifference(data, reference.data)}`,
      );
    }
    if (sample.text !== reference.text) reference.identicalBytes = false;
    const load = {
      url,
      body: JSON.stringify({ query: BENCHMARK_QUERY }),
      connections: options.connections,
      timeoutSeconds: LOAD_TIMEOUT_SECONDS,
      // Every response under load must be these bytes.
      expectedBody: sample.text,
    };
    if (options.warmupSeconds > 0) {
      progress(`${step}: warming up for ${options.warmupSeconds} s`);
      await measureLoad({ ...load, durationSeconds: options.warmupSeconds });
    }
    progress(`${step}: measuring for ${options.durationSeconds} s`);
    const {
      result: { result: figures, peakRssBytes },
      cpuSeconds: [serverCpu = 0, subgraphsCpu = 0],
    } = await measureProcesses([server.pid, subgraphs.process.pid], () =>
      watchPeakRss(server.pid, measureLoad({ ...load, durationSeconds: options.durationSeconds })),
    );
    const perRequestMs = (seconds: number) => (seconds * 1000) / figures.requests;
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
      cpuPerRequestMs: perRequestMs(serverCpu),
      peakRssBytes,
      subgraphsCpuPerRequestMs: perRequestMs(subgraphsCpu),
    };
  } catch (error) {
    const outputs = [server, subgraphs.process]
      .filter((process) => process.output() !== '')
      .map((process) => `\n--- last output of ${process.name} ---\n${process.output()}`);
    throw new Error(
      `${step}: ${error instanceof Error ? error.message : String(error)}${outputs.join('')}`,
      { cause: error },
    );
  } finally {
    await server.stop();
    // LOG_LEVEL=warn: anything a server wrote during a valid run deserves a look.
    if (server.output() !== '') progress(`${step}: the server wrote:\n${server.output()}`);
  }
}

/** Samples the resident memory of process `pid` until `load` settles; the highest reading. */
async function watchPeakRss(
  pid: number,
  load: Promise<LoadFigures>,
): Promise<{ result: LoadFigures; peakRssBytes: number }> {
  let peakRssBytes = 0;
  const sample = () =>
    readProcessStats(pid).then(
      ({ rssBytes }) => {
        peakRssBytes = Math.max(peakRssBytes, rssBytes);
      },
      () => undefined,
    );
  const timer = setInterval(() => void sample(), RSS_SAMPLE_INTERVAL_MS);
  try {
    const result = await load;
    await sample();
    return { result, peakRssBytes };
  } finally {
    clearInterval(timer);
  }
}

/** Where two JSON texts first differ, with some context, for the error message. */
function firstDifference(actual: string, expected: string): string {
  let index = 0;
  while (index < actual.length && actual[index] === expected[index]) index++;
  const from = Math.max(0, index - 80);
  return (
    `at character ${index}, got …${actual.slice(from, index + 80)}… ` +
    `where the plain gateway answered …${expected.slice(from, index + 80)}…`
  );
}

function formatFederationReport(
  options: FederationBenchOptions,
  figures: readonly FederationRun[],
  reference: Reference,
  loadAverageBefore: number,
): string {
  const labels = Object.fromEntries(CONTENDERS.map(({ key, label }) => [key, label]));
  const count = (value: number) => Math.round(value).toLocaleString('en-US');
  const rows = CONTENDERS.flatMap(({ key }) =>
    figures
      .filter((run) => run.server === key)
      .map(
        (run) =>
          `| ${labels[key]} | ${run.run} | ${count(run.requestsPerSecond)} | ${run.p50Ms} ms | ` +
          `${run.p99Ms} ms | ${run.cpuPerRequestMs.toFixed(2)} ms | ` +
          `${Math.round(run.peakRssBytes / 2 ** 20)} MiB | ` +
          `${run.subgraphsCpuPerRequestMs.toFixed(2)} ms |`,
      ),
  );
  const ratio = (pick: (run: FederationRun) => number, server: Contender['key'] = 'router') =>
    median(figures.filter((run) => run.server === server).map(pick)) /
    median(figures.filter((run) => run.server === 'plain').map(pick));
  const ratios = {
    requestsPerSecond: ratio((run) => run.requestsPerSecond),
    p99: ratio((run) => run.p99Ms),
    cpuPerRequest: ratio((run) => run.cpuPerRequestMs),
    rss: ratio((run) => run.peakRssBytes),
  };
  const met = (ok: boolean) => (ok ? '**met**' : 'not met');
  const answerBytes = Buffer.byteLength(reference.text ?? '');
  return [
    `### Federation: router vs plain \`@apollo/gateway\`, the gateways benchmark's query ` +
      `(${new Date().toISOString().slice(0, 10)})`,
    '',
    "- Query: the public gateways benchmark's (`users` and `topProducts`, their reviews, the " +
      "reviews' products and authors, the authors' reviews and products, through fragments), " +
      `POST JSON; a ${count(answerBytes)}-byte answer from all four subgraphs`,
    "- Subgraphs: accounts, inventory, products and reviews with that benchmark's SDL and data " +
      '(`bench/federation/`), all four in one `node:http` process, each answer computed once ' +
      'per request body with graphql-js and then served from memory (why that is fair: ' +
      '`bench/federation/serveLeanSubgraphs.ts`); supergraph composed at start',
    `- Load: autocannon, ${options.connections} connections, ${options.durationSeconds} s per ` +
      `run after a ${options.warmupSeconds} s warm-up; servers alternate, ${options.runs} ` +
      `${options.runs === 1 ? 'run' : 'runs'} each; every response checked: 200, the same ` +
      "bytes as a sample whose data equals the plain gateway's answer " +
      `(${reference.identicalBytes ? 'byte-identical to it too' : 'not byte for byte'}); ` +
      'router with its entity cache off, `NODE_ENV=production`, `LOG_LEVEL=warn`',
    `- Machine: ${describeMachine()}, Node ${process.version}; load generator, subgraphs and ` +
      'server under test all on it, over loopback; 1-minute load average before the run ' +
      `${loadAverageBefore.toFixed(2)}`,
    '',
    '| server | run | requests/s | p50 | p99 | server CPU / request | peak RSS under load | subgraphs CPU / request |',
    '| --- | --: | --: | --: | --: | --: | --: | --: |',
    ...rows,
    '',
    `Medians, router ÷ plain gateway: requests/s ×${ratios.requestsPerSecond.toFixed(2)}, ` +
      `p99 ×${ratios.p99.toFixed(2)}, CPU per request ×${ratios.cpuPerRequest.toFixed(2)}, ` +
      `RSS ×${ratios.rss.toFixed(2)}. Without sharing fetches in flight: requests/s ` +
      `×${ratio((run) => run.requestsPerSecond, 'router-unshared').toFixed(2)}, p99 ` +
      `×${ratio((run) => run.p99Ms, 'router-unshared').toFixed(2)}, CPU per request ` +
      `×${ratio((run) => run.cpuPerRequestMs, 'router-unshared').toFixed(2)}, RSS ` +
      `×${ratio((run) => run.peakRssBytes, 'router-unshared').toFixed(2)}.`,
    '',
    'Goals of the router against the plain gateway:',
    '',
    `- requests/s ≥ ×${GOALS.requestsPerSecond}: ×${ratios.requestsPerSecond.toFixed(2)}, ` +
      met(ratios.requestsPerSecond >= GOALS.requestsPerSecond),
    `- p99 ≤ ×1/3: ×${ratios.p99.toFixed(2)}, ${met(ratios.p99 <= GOALS.p99)}`,
    `- CPU per request ≤ ×1/10: ×${ratios.cpuPerRequest.toFixed(2)}, ` +
      met(ratios.cpuPerRequest <= GOALS.cpuPerRequest),
    `- RSS not larger: ×${ratios.rss.toFixed(2)}, ${met(ratios.rss <= GOALS.rss)}`,
    '',
  ].join('\n');
}
