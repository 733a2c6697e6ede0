import { arch, availableParallelism, cpus, loadavg, platform, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  startProcessStack,
  watchPurchases,
  type ProcessStack,
  type PurchaseWatch,
  type SignedInClient,
} from '@play-economy/local-stack';
import { readProcessStats } from './readProcessStats.ts';

export interface PurchaseLoadOptions {
  /** RabbitMQ, shared by every service. */
  amqpUrl: string;
  /** Players buying at once; each buys one purchase after another. */
  players: number;
  /** Measured purchases per player, after one unmeasured warm-up purchase each. */
  purchasesPerPlayer: number;
  /** Measured runs, each with fresh players on the same services. */
  runs: number;
  /** Bound on one purchase, from the mutation to COMPLETED. */
  purchaseTimeoutMs: number;
  progress: (message: string) => void;
}

/** The figures of one run of the purchase scenario. */
export interface PurchaseRunFigures {
  run: number;
  /** Purchases that reached COMPLETED (the run fails if any faulted). */
  completed: number;
  /** From the first `purchase` mutation sent to the last COMPLETED heard. */
  seconds: number;
  completedPerSecond: number;
  /** Time from sending `purchase` to hearing COMPLETED, in milliseconds. */
  p50Ms: number;
  p99Ms: number;
  /** CPU time of every service (four subgraphs and the router) divided by the purchases. */
  cpuPerPurchaseMs: number;
}

const PRICE = 4;
const STARTING_GIL = 100;

const PURCHASE = `mutation ($input: PurchaseInput!) { purchase(input: $input) { id state } }`;
const LEDGER = '{ me { gil inventory { item { id } quantity } } }';

/**
 * `npm run bench`'s purchase scenario: the whole saga end to end. Every service runs in its own
 * process (embedded store in memory, RabbitMQ between them); players buy through the router,
 * each waiting for its purchase to be COMPLETED (heard from `trading.purchase.updated` on the
 * broker) before the next, so `players` sagas are in flight at once. Every purchase must
 * complete and every ledger must add up afterwards, or the run fails instead of reporting.
 */
export async function measurePurchases(
  options: PurchaseLoadOptions,
): Promise<PurchaseRunFigures[]> {
  const { progress } = options;
  if (STARTING_GIL < PRICE * (options.purchasesPerPlayer + 1)) {
    throw new Error(`players cannot afford ${options.purchasesPerPlayer} purchases each`);
  }
  progress('starting every service in its own process (embedded store, RabbitMQ)');
  const stack = await startProcessStack({
    amqpUrl: options.amqpUrl,
    // Every player signs up and buys from 127.0.0.1: no per-caller rate limit.
    env: {
      LOG_LEVEL: 'warn',
      STARTING_GIL: String(STARTING_GIL),
      ROUTER_RATE_LIMIT_PER_MINUTE: '0',
    },
  });
  const watch = await watchPurchases(options.amqpUrl);
  try {
    const admin = await stack.signInAsAdmin();
    const created = await admin.request<{ createItem: { id: string } }>(
      'mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }',
      { input: { name: `Bench potion ${Date.now()}`, description: 'npm run bench', price: PRICE } },
    );
    const itemId = created.data?.createItem.id;
    if (itemId === undefined) throw new Error(`createItem failed: ${JSON.stringify(created)}`);

    const figures: PurchaseRunFigures[] = [];
    for (let run = 1; run <= options.runs; run++) {
      figures.push(await measureRun(stack, watch, itemId, run, options));
    }
    return figures;
  } finally {
    await watch.close();
    await stack.stop();
  }
}

async function measureRun(
  stack: ProcessStack,
  watch: PurchaseWatch,
  itemId: string,
  run: number,
  options: PurchaseLoadOptions,
): Promise<PurchaseRunFigures> {
  const step = `purchases, run ${run} of ${options.runs}`;
  const tag = `${Date.now().toString(36)}r${run}`;
  options.progress(`${step}: registering ${options.players} players`);
  const players: SignedInClient[] = [];
  for (let n = 0; n < options.players; n++) {
    players.push(await stack.registerPlayer(`bench${tag}p${n}`));
  }

  const buy = async (player: SignedInClient, key: string): Promise<number> => {
    const startedAt = performance.now();
    const deadline = startedAt + options.purchaseTimeoutMs;
    let id: string | undefined;
    // Trading learns of the item from catalog's event; until then it is NOT_FOUND.
    while (id === undefined) {
      const reply = await player.request<{ purchase: { id: string } }>(PURCHASE, {
        input: { itemId, quantity: 1, idempotencyKey: key },
      });
      id = reply.data?.purchase.id;
      const notYetSold = reply.errors?.[0]?.extensions?.['code'] === 'NOT_FOUND';
      if (id === undefined && (!notYetSold || performance.now() > deadline)) {
        throw new Error(`purchase failed: ${JSON.stringify(reply.errors)}`);
      }
      if (id === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const settled = await watch.settled(id, Math.max(1, deadline - performance.now()));
    if (settled.state !== 'COMPLETED') throw new Error(`purchase ${id} ${settled.state}`);
    return settled.atMs - startedAt;
  };

  options.progress(`${step}: warming up, one purchase per player`);
  await Promise.all(players.map((player) => buy(player, 'warm-up')));

  const total = options.players * options.purchasesPerPlayer;
  options.progress(`${step}: measuring ${total} purchases`);
  const pids = Object.values(stack.services).map(({ pid }) => pid);
  if (pids.some((pid) => pid === undefined)) throw new Error('a service is not running');
  const cpu = async () =>
    (await Promise.all(pids.map((pid) => readProcessStats(pid!)))).reduce(
      (sum, stats) => sum + stats.cpuSeconds,
      0,
    );
  const cpuBefore = await cpu();
  const startedAt = performance.now();
  const latencies = (
    await Promise.all(
      players.map(async (player) => {
        const mine: number[] = [];
        for (let n = 0; n < options.purchasesPerPlayer; n++) {
          mine.push(await buy(player, `bench-${n}`));
        }
        return mine;
      }),
    )
  ).flat();
  const seconds = (performance.now() - startedAt) / 1000;
  const cpuSeconds = (await cpu()) - cpuBefore;

  // The figures count only if the saga did its job: every ledger exact.
  const bought = options.purchasesPerPlayer + 1;
  for (const player of players) {
    const { data, errors } = await player.request<{
      me: { gil: number; inventory: { item: { id: string }; quantity: number }[] };
    }>(LEDGER);
    const owned = data?.me.inventory.find((entry) => entry.item.id === itemId)?.quantity;
    if (
      errors !== undefined ||
      data?.me.gil !== STARTING_GIL - PRICE * bought ||
      owned !== bought
    ) {
      throw new Error(
        `player ${player.userId}'s ledger is wrong: ${JSON.stringify({ data, errors })}`,
      );
    }
  }

  latencies.sort((a, b) => a - b);
  const figures: PurchaseRunFigures = {
    run,
    completed: latencies.length,
    seconds,
    completedPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    cpuPerPurchaseMs: (cpuSeconds * 1000) / latencies.length,
  };
  options.progress(
    `${step}: ${figures.completedPerSecond.toFixed(1)} completed purchases/s, ` +
      `p50 ${figures.p50Ms.toFixed(0)} ms, p99 ${figures.p99Ms.toFixed(0)} ms`,
  );
  return figures;
}

/** The nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], fraction: number): number {
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export interface PurchaseReportSetup {
  date: Date;
  players: number;
  purchasesPerPlayer: number;
  runs: number;
  machine: string;
  nodeVersion: string;
  loadAverageBefore: number;
}

/** The purchase scenario's report: markdown, in the shape of the router's. */
export function formatPurchaseReport(
  setup: PurchaseReportSetup,
  figures: readonly PurchaseRunFigures[],
): string {
  const total = setup.players * setup.purchasesPerPlayer;
  return [
    `### Purchases end to end through the router on RabbitMQ (${setup.date.toISOString().slice(0, 10)})`,
    '',
    `- Load: ${count(total)} purchases per run over ${setup.players} players, each buying one ` +
      'after another and waiting for `COMPLETED` before the next ' +
      `(${setup.players} sagas in flight), after one unmeasured warm-up purchase per player; ` +
      `${setup.runs} ${setup.runs === 1 ? 'run' : 'runs'}, fresh players each; every purchase ` +
      'must complete and every ledger add up, or the bench fails',
    '- Latency: from sending `purchase` to the router to hearing `trading.purchase.updated` ' +
      '(`COMPLETED`) on the broker; purchases/s: completed purchases over the wall time',
    '- Services: four subgraphs and the router, each its own process, embedded store in ' +
      'memory, RabbitMQ on the same machine',
    `- Machine: ${setup.machine}, Node ${setup.nodeVersion}; load generator, services and broker ` +
      `all on it, over loopback; 1-minute load average before the run ${setup.loadAverageBefore.toFixed(2)}`,
    '',
    '| scenario | run | purchases | completed purchases/s | p50 purchase → COMPLETED | p99 purchase → COMPLETED | CPU / purchase (all services) |',
    '| --- | --: | --: | --: | --: | --: | --: |',
    ...figures.map(
      (run) =>
        `| purchase saga | ${run.run} | ${count(run.completed)} | ${run.completedPerSecond.toFixed(1)} | ` +
        `${Math.round(run.p50Ms)} ms | ${Math.round(run.p99Ms)} ms | ${run.cpuPerPurchaseMs.toFixed(1)} ms |`,
    ),
    '',
  ].join('\n');
}

function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

const PURCHASE_PLAYERS = 50;
const PURCHASES_PER_PLAYER = 20;
const PURCHASE_TIMEOUT_MS = 60_000;
/** Start-up, registrations, warm-up and 1,000 purchases: a bound per run, generous. */
export const PURCHASE_RUN_BUDGET_MS = 5 * 60_000;

/**
 * The purchase scenario as `npm run bench` runs it: 1,000 purchases over 50 players per run,
 * on the loopback RabbitMQ at `amqpUrl`; prints its report on stdout.
 */
export async function benchPurchases(options: {
  amqpUrl: string;
  runs: number;
  progress: (message: string) => void;
}): Promise<void> {
  const [loadAverageBefore = Number.NaN] = loadavg();
  const figures = await measurePurchases({
    amqpUrl: options.amqpUrl,
    players: PURCHASE_PLAYERS,
    purchasesPerPlayer: PURCHASES_PER_PLAYER,
    runs: options.runs,
    purchaseTimeoutMs: PURCHASE_TIMEOUT_MS,
    progress: options.progress,
  });
  const model = cpus()[0]?.model.trim();
  process.stdout.write(
    formatPurchaseReport(
      {
        date: new Date(),
        players: PURCHASE_PLAYERS,
        purchasesPerPlayer: PURCHASES_PER_PLAYER,
        runs: options.runs,
        machine:
          `${availableParallelism()} cores${model ? ` (${model})` : ''}, ` +
          `${platform()} ${arch()}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
        nodeVersion: process.version,
        loadAverageBefore,
      },
      figures,
    ),
  );
}
