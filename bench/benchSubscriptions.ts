import { randomBytes, randomUUID } from 'node:crypto';
import { Role, signViewer, VIEWER_HEADER } from '@play-economy/chassis';
import WebSocket from 'ws';
import { findFreePort } from '@play-economy/local-stack';
import { postGraphQL } from './postGraphQL.ts';
import { readProcessStats } from './readProcessStats.ts';
import { serverEnv } from './serverEnv.ts';
import { startServer, type ServerProcess } from './startServer.ts';

export interface SubscriptionBenchOptions {
  /** Concurrent client subscriptions, one WebSocket connection each. */
  subscribers: number;
  /** Events in the burst. */
  events: number;
  /** Distinct players the subscribers are signed in as (each player's subscribers share one stream). */
  users: number;
  progress: (message: string) => void;
}

export interface SubscriptionBenchFigures {
  subscribers: number;
  users: number;
  events: number;
  expectedDeliveries: number;
  delivered: number;
  lost: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  connectSeconds: number;
  routerRssIdleBytes: number;
  routerRssSubscribedBytes: number;
  routerRssPerSubscriberBytes: number;
  upstreamSubscriptions: number;
  upstreamConnectionsOpened: number;
}

const SUBSCRIPTION = `subscription {
  inventoryChanged { quantity delta item { name price } user { username } }
}`;
const READY_TIMEOUT_MS = 60_000;
const CONNECT_BATCH = 250;
const STEP_TIMEOUT_MS = 120_000;
const DRAIN_TIMEOUT_MS = 30_000;
/** Quantities of burst events start here, so they tell the burst from the warm-up. */
const BURST_MARK = 1_000_000;

/** A client connection: its receive times of burst events, by event index. */
interface Subscriber {
  socket: WebSocket;
  received: Map<number, number>;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Opens one graphql-transport-ws connection and subscribes; resolves once acknowledged. */
/** Warm-up results received, all subscribers together. */
const warmupResults = { count: 0 };

function subscribeOne(url: string, accessToken: string, warmups: Set<number>): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    const subscriber: Subscriber = { socket, received: new Map() };
    const timer = setTimeout(() => reject(new Error('no connection_ack within 30 s')), 30_000);
    socket.on('open', () =>
      socket.send(
        JSON.stringify({
          type: 'connection_init',
          payload: { Authorization: `Bearer ${accessToken}` },
        }),
      ),
    );
    socket.on('message', (raw) => {
      const now = performance.timeOrigin + performance.now();
      const message = JSON.parse(String(raw)) as {
        type: string;
        payload?: { data?: { inventoryChanged?: { quantity: number } }; errors?: unknown };
      };
      if (message.type === 'connection_ack') {
        clearTimeout(timer);
        socket.send(
          JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUBSCRIPTION } }),
        );
        resolve(subscriber);
      } else if (message.type === 'next') {
        const quantity = message.payload?.data?.inventoryChanged?.quantity;
        if (quantity === undefined) return;
        if (quantity >= BURST_MARK) subscriber.received.set(quantity - BURST_MARK, now);
        else {
          warmups.add(quantity);
          warmupResults.count += 1;
        }
      } else if (message.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/**
 * 5,000 (by default) concurrent subscribers through one router process receiving a burst of 100
 * events: delivery latency from publish to client, events lost, router RSS per subscriber and
 * the WebSocket connections the router opened to subgraphs. The subgraphs (catalog, identity,
 * inventory, embedded, one process) and the router (another process) run as children; the
 * clients run here. Every step is bounded in time; everything is on 127.0.0.1.
 */
export async function benchSubscriptions(
  options: SubscriptionBenchOptions,
): Promise<SubscriptionBenchFigures> {
  const { subscribers, events, users, progress } = options;
  const routerSecret = randomBytes(32).toString('base64url');
  const ports: number[] = [];
  for (let i = 0; i < 7; i++) ports.push(await findFreePort());
  const [catalogPort, identityPort, inventoryPort, subgraphsControl, routerPort, routerControl] =
    ports as [number, number, number, number, number, number, number];
  const tradingPort = ports[6] as number;
  const local = (port: number) => `http://127.0.0.1:${port}`;
  const children: ServerProcess[] = [];
  const sockets: WebSocket[] = [];
  try {
    progress('subscriptions: starting catalog, identity and inventory (embedded, one process)');
    children.push(
      await startServer({
        name: 'subgraphs',
        entry: 'bench/subscriptionSubgraphs.ts',
        env: serverEnv({
          ROUTER_SECRET: routerSecret,
          CATALOG_PORT: String(catalogPort),
          CATALOG_HOST: '127.0.0.1',
          IDENTITY_PORT: String(identityPort),
          IDENTITY_HOST: '127.0.0.1',
          INVENTORY_PORT: String(inventoryPort),
          INVENTORY_HOST: '127.0.0.1',
          ADMIN_USERNAME: 'bench-admin',
          ADMIN_EMAIL: 'bench-admin@example.com',
          ADMIN_PASSWORD: randomBytes(18).toString('base64url'),
          BENCH_CONTROL_PORT: String(subgraphsControl),
        }),
        isReady: async () =>
          (
            await Promise.all(
              [catalogPort, identityPort, inventoryPort].map(async (port) => {
                const response = await fetch(`${local(port)}/health/ready`, {
                  signal: AbortSignal.timeout(2000),
                });
                return response.ok;
              }),
            )
          ).every(Boolean),
        readyTimeoutMs: READY_TIMEOUT_MS,
      }),
    );
    progress('subscriptions: starting the router');
    const routerUrl = `${local(routerPort)}/graphql`;
    const router = await startServer({
      name: 'router',
      entry: 'bench/subscriptionRouter.ts',
      env: serverEnv({
        ROUTER_SECRET: routerSecret,
        ROUTER_PORT: String(routerPort),
        ROUTER_HOST: '127.0.0.1',
        // Every client connects from 127.0.0.1: no per-caller limits.
        ROUTER_RATE_LIMIT_PER_MINUTE: '0',
        ROUTER_WS_MAX_CONNECTIONS_PER_CALLER: '100000',
        SUBGRAPH_URLS: [
          `catalog=${local(catalogPort)}/graphql`,
          `identity=${local(identityPort)}/graphql`,
          `inventory=${local(inventoryPort)}/graphql`,
          // Trading is not started: nothing in the benchmark's documents reaches it.
          `trading=${local(tradingPort)}/graphql`,
        ].join(','),
        JWKS_URL: `${local(identityPort)}/.well-known/jwks.json`,
        BENCH_CONTROL_PORT: String(routerControl),
      }),
      isReady: async () =>
        (await fetch(`${local(routerPort)}/health/ready`, { signal: AbortSignal.timeout(2000) }))
          .ok,
      readyTimeoutMs: READY_TIMEOUT_MS,
    });
    children.push(router);
    const stats = async () =>
      (await (await fetch(`${local(routerControl)}/stats`)).json()) as Record<string, number>;

    progress(`subscriptions: creating an item and registering ${users} players`);
    const item = await postGraphQL(
      `${local(catalogPort)}/graphql`,
      'mutation { createItem(input: { name: "Bench potion", description: "", price: 12 }) { id } }',
      {
        headers: {
          [VIEWER_HEADER]: signViewer({ userId: 'bench', roles: [Role.Admin] }, routerSecret),
        },
      },
    );
    const itemId = (item.body?.data as { createItem?: { id: string } } | undefined)?.createItem?.id;
    if (!itemId) throw new Error(`could not create the item: ${item.text.slice(0, 300)}`);
    const players: { id: string; accessToken: string }[] = [];
    const run = randomUUID().slice(0, 6);
    for (let index = 0; index < users; index++) {
      const reply = await postGraphQL(
        routerUrl,
        'mutation ($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }',
        {
          variables: {
            input: {
              username: `bench${run}p${index}`,
              email: `bench${run}p${index}@example.com`,
              password: 'bench-password-1234',
            },
          },
        },
      );
      const payload = (
        reply.body?.data as { register?: { accessToken: string; user: { id: string } } } | undefined
      )?.register;
      if (!payload) throw new Error(`could not register a player: ${reply.text.slice(0, 300)}`);
      players.push({ id: payload.user.id, accessToken: payload.accessToken });
    }

    const idle = await readProcessStats(router.pid);
    progress(`subscriptions: connecting ${subscribers} subscribers (${users} players)`);
    const wsUrl = routerUrl.replace(/^http/, 'ws');
    const warmups = new Set<number>();
    const clients: { subscriber: Subscriber; userIndex: number }[] = [];
    const connectStart = performance.now();
    for (let start = 0; start < subscribers; start += CONNECT_BATCH) {
      const batch = Array.from({ length: Math.min(CONNECT_BATCH, subscribers - start) }, (_, i) => {
        const userIndex = (start + i) % users;
        return subscribeOne(wsUrl, players[userIndex]!.accessToken, warmups).then((subscriber) => {
          sockets.push(subscriber.socket);
          clients.push({ subscriber, userIndex });
        });
      });
      await Promise.all(batch);
    }
    await until(
      'every subscription to run on the router',
      async () => (await stats())['clientSubscriptions'] === subscribers,
      STEP_TIMEOUT_MS,
    );
    const connectSeconds = (performance.now() - connectStart) / 1000;
    const publish = async (list: { userId: string; quantity: number }[]) => {
      const response = await fetch(`${local(subgraphsControl)}/publish`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ events: list.map((event) => ({ ...event, itemId, delta: 1 })) }),
      });
      if (!response.ok) throw new Error(`publish failed: ${await response.text()}`);
      return ((await response.json()) as { publishedAt: number }).publishedAt;
    };

    // One event per player until every player's stream has delivered one: the upstream
    // subscriptions are then attached on the subgraph, and the plan's fetches are warm. Then
    // wait for the router to go quiet, so no warm-up result queues ahead of the burst.
    progress('subscriptions: warming up (one event per player until each stream delivers)');
    await until(
      'every stream to deliver a warm-up event',
      async () => {
        if (warmups.size < users) {
          await publish(players.map((player, index) => ({ userId: player.id, quantity: index })));
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return warmups.size === users;
      },
      STEP_TIMEOUT_MS,
    );
    let seen = -1;
    await until(
      'the warm-up to drain',
      async () => {
        const now = warmupResults.count;
        const quiet = now === seen;
        seen = now;
        if (!quiet) await new Promise((resolve) => setTimeout(resolve, 500));
        return quiet;
      },
      STEP_TIMEOUT_MS,
    );
    const subscribed = await readProcessStats(router.pid);
    const counts = await stats();

    progress(`subscriptions: publishing a burst of ${events} events`);
    const burst = Array.from({ length: events }, (_, index) => ({
      userId: players[index % users]!.id,
      quantity: BURST_MARK + index,
    }));
    const expectedFor = (userIndex: number) =>
      burst.filter((_, index) => index % users === userIndex).length;
    const expectedDeliveries = clients.reduce(
      (sum, { userIndex }) => sum + expectedFor(userIndex),
      0,
    );
    const publishedAt = await publish(burst);
    const deliveredCount = () =>
      clients.reduce((sum, { subscriber }) => sum + subscriber.received.size, 0);
    await until(
      'every delivery',
      () => deliveredCount() >= expectedDeliveries,
      DRAIN_TIMEOUT_MS,
    ).catch(() => progress('subscriptions: some deliveries never arrived'));
    const latencies = clients
      .flatMap(({ subscriber }) => [...subscriber.received.values()])
      .map((receivedAt) => receivedAt - publishedAt)
      .sort((a, b) => a - b);
    const delivered = latencies.length;
    return {
      subscribers,
      users,
      events,
      expectedDeliveries,
      delivered,
      lost: expectedDeliveries - delivered,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      maxMs: latencies.at(-1) ?? Number.NaN,
      connectSeconds,
      routerRssIdleBytes: idle.rssBytes,
      routerRssSubscribedBytes: subscribed.rssBytes,
      routerRssPerSubscriberBytes: (subscribed.rssBytes - idle.rssBytes) / subscribers,
      upstreamSubscriptions: counts['upstreamSubscriptions'] ?? Number.NaN,
      upstreamConnectionsOpened: counts['upstreamConnectionsOpened'] ?? Number.NaN,
    };
  } finally {
    for (const socket of sockets) socket.terminate();
    for (const child of children.reverse()) await child.stop();
  }
}

/** The figures as a markdown section. */
export function formatSubscriptionReport(figures: SubscriptionBenchFigures): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  return [
    '',
    '### Subscriptions through one router',
    '',
    `${figures.subscribers} subscribers (one WebSocket each, signed in as ${figures.users} players) ` +
      `through one router process; a burst of ${figures.events} \`inventory.changed\` events ` +
      'put on the bus at once; each result resolves `item { name price }` (catalog) and ' +
      '`user { username }` (identity) through the router.',
    '',
    '| figure | value |',
    '| --- | --- |',
    `| deliveries expected / received | ${figures.expectedDeliveries} / ${figures.delivered} |`,
    `| events lost | ${figures.lost} |`,
    `| latency publish → client, p50 | ${ms(figures.p50Ms)} |`,
    `| latency publish → client, p99 | ${ms(figures.p99Ms)} |`,
    `| latency publish → client, max | ${ms(figures.maxMs)} |`,
    `| router RSS idle → with subscribers | ${mib(figures.routerRssIdleBytes)} → ${mib(figures.routerRssSubscribedBytes)} |`,
    `| router RSS per subscriber | ${kib(figures.routerRssPerSubscriberBytes)} |`,
    `| upstream subscriptions (shared streams) | ${figures.upstreamSubscriptions} |`,
    `| upstream subgraph connections opened | ${figures.upstreamConnectionsOpened} |`,
    `| time to connect and subscribe everyone | ${figures.connectSeconds.toFixed(1)} s |`,
    '',
  ].join('\n');
}
