import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { SERVICE_NODE_FLAGS, settingsPrefixOf } from '@play-economy/chassis';
import { createGraphQLClient, type GraphQLClient } from './createGraphQLClient.ts';
import { findFreePort } from './findFreePort.ts';
import { listSubgraphs } from './loadSubgraphs.ts';
import { startLoadBalancer, type LoadBalancer } from './startLoadBalancer.ts';
import type { SignedInClient } from './startStack.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const exitWithParent = new URL('./exitWithParent.ts', import.meta.url).href;

/**
 * The services a test may address by name. The subgraphs started are those `rover.yaml` lists,
 * in its order; a subgraph added there runs here too, and is addressed as `services[name]`.
 */
export type ServiceName = 'catalog' | 'identity' | 'inventory' | 'trading' | 'router';

const OUTPUT_TAIL_LINES = 60;
/** Longer than a service's own shutdown bound (20 s): past it, SIGKILL. */
const STOP_GRACE_MS = 25_000;
/** Preloaded as production does, so OpenTelemetry runs before the service's first import. */
const TELEMETRY = '@play-economy/chassis/telemetry/register';

/** Every child still running: killed when this process exits, however it exits. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface ProcessStackOptions {
  /** RabbitMQ, which every service uses: processes share no in-process bus. */
  amqpUrl: string;
  /**
   * Where the embedded stores keep their journals, so a restarted service finds its data (and
   * its inbox and outbox) again. Without it, data lives in each process's memory and a
   * restarted service starts empty.
   */
  dataDir?: string;
  /** Added to every process's environment, e.g. `PURCHASE_STEP_TIMEOUT_SECONDS`. */
  env?: Record<string, string>;
  /** How long each process may take to answer `/health/ready`. Default 60 s. */
  readyTimeoutMs?: number;
  /**
   * Processes to run of each service, each on its own port. Default 1 of each. Routers share
   * RabbitMQ and, with `redisUrl`, Redis (entity cache and rate limits). Replicas of a subgraph
   * must share one database, so more than one needs `mongodbUrl`; each router reaches the
   * replicas of a subgraph through a load balancer in this process that passes over a stopped
   * replica, as a Kubernetes Service would.
   */
  replicas?: Partial<Record<ServiceName, number>>;
  /**
   * A MongoDB replica set (`MONGODB_URL`) for the subgraphs instead of their embedded stores:
   * one database per subgraph, as in production, named after the subgraph and this stack (so
   * stacks sharing a server do not meet). `dataDir` is then unused.
   */
  mongodbUrl?: string | undefined;
  /** Redis shared by the routers (`REDIS_URL`): the entity cache and the rate limits. */
  redisUrl?: string | undefined;
}

/** One service running in its own process. */
export interface ServiceProcess {
  readonly name: ServiceName;
  /** Which of the service's replicas it is, from 0. */
  readonly replica: number;
  /** Its `/graphql` URL; the same across restarts. */
  readonly url: string;
  /** The process id now (a restart changes it), or undefined while it is down. */
  readonly pid: number | undefined;
  /**
   * Sends `signal` (default SIGTERM) and resolves once the process is gone, with how it ended
   * (a process that outlives the grace period is killed: `signal` is then SIGKILL). Resolves with
   * `undefined` when it was not running.
   */
  kill(signal?: NodeJS.Signals): Promise<ProcessExit | undefined>;
  /** Starts it again, on the same port and data, and resolves once it is ready. */
  restart(): Promise<void>;
  /** The last lines it wrote, for failure messages. */
  output(): string;
}

/** How a service process ended. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** From the signal sent to the exit. */
  ms: number;
}

/** A router process, with a client that speaks to it. */
export interface RouterProcess extends ServiceProcess {
  readonly client: GraphQLClient;
}

export interface ProcessStack {
  /** The first router's `/graphql` URL. */
  routerUrl: string;
  /** A client of the first router. */
  client: GraphQLClient;
  /** The first replica of each service. */
  services: Readonly<Record<ServiceName, ServiceProcess>>;
  /** Every replica of each service, in start order. */
  replicas: Readonly<Record<ServiceName, readonly ServiceProcess[]>>;
  /** Every router, each with its client. */
  routers: readonly RouterProcess[];
  /** The admin, signed in through router `via` (default 0). */
  signInAsAdmin(via?: number): Promise<SignedInClient>;
  /** A new player, registered through router `via` (default 0), whose client speaks to it. */
  registerPlayer(username: string, password?: string, via?: number): Promise<SignedInClient>;
  /** Stops the routers first, then the subgraphs (SIGTERM, SIGKILL after 25 s). */
  stop(): Promise<void>;
}

/** The same user's client on another router (any router verifies any router's callers). */
export function signedInOn(router: { url: string }, user: SignedInClient): SignedInClient {
  return {
    ...createGraphQLClient(router.url, { authorization: `Bearer ${user.accessToken}` }),
    userId: user.userId,
    accessToken: user.accessToken,
  };
}

/**
 * Runs every subgraph and the router as separate processes (`node --import tsx
 * <service>/src/main.ts`), as `npm start` does with `AMQP_URL` set, on free loopback ports: by
 * default one of each, each subgraph with its embedded store (journaled under `dataDir` when
 * given); with `replicas`, several of a service. Unlike {@link startStack}, a process can be
 * killed and restarted: for fault-injection tests, the replica tests and the benchmark.
 */
export async function startProcessStack(options: ProcessStackOptions): Promise<ProcessStack> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  /** The subgraphs, in start order, with the prefix of their settings. */
  const SUBGRAPHS = (await listSubgraphs()).map(
    ({ name }) => [name as ServiceName, settingsPrefixOf(name)] as const,
  );
  const countOf = (name: ServiceName) => options.replicas?.[name] ?? 1;
  for (const name of [...SUBGRAPHS.map(([subgraph]) => subgraph), 'router' as const]) {
    const count = countOf(name);
    if (!Number.isInteger(count) || count < 1) {
      throw new Error(`replicas.${name} must be a whole number from 1, not ${count}`);
    }
  }
  const replicated = SUBGRAPHS.filter(([name]) => countOf(name) > 1).map(([name]) => name);
  if (replicated.length > 0 && !options.mongodbUrl) {
    throw new Error(
      `replicas of ${replicated.join(', ')} need a shared MongoDB (mongodbUrl, e.g. from ` +
        'MONGODB_URL): the embedded store is the database of one process, so replicas on it ' +
        'would each see different data',
    );
  }

  const stackId = randomUUID().slice(0, 8);
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(MONGODB_URL|DATA_DIR|REDIS_URL|[A-Z]+_DATABASE)$/.test(key),
    ),
  );
  const common: NodeJS.ProcessEnv = {
    ...inherited,
    ...options.env,
    AMQP_URL: options.amqpUrl,
    // @apollo/gateway otherwise reports to Apollo: nothing here leaves 127.0.0.1.
    APOLLO_TELEMETRY_DISABLED: 'true',
  };
  const subgraphEnv: NodeJS.ProcessEnv = options.mongodbUrl
    ? { MONGODB_URL: options.mongodbUrl }
    : options.dataDir === undefined
      ? {}
      : { DATA_DIR: options.dataDir };

  const balancers: LoadBalancer[] = [];
  const replicas = {} as Record<ServiceName, ServiceProcess[]>;
  const stop = async () => {
    await Promise.all((replicas.router ?? []).map((s) => s.kill('SIGTERM')));
    await Promise.all(
      SUBGRAPHS.flatMap(([name]) => replicas[name] ?? []).map((s) => s.kill('SIGTERM')),
    );
    await Promise.all(balancers.splice(0).map((balancer) => balancer.close()));
  };

  try {
    /** Where the routers reach each subgraph: its one replica, or a balancer over them all. */
    const reachable = {} as Record<string, string>;
    for (const [name, prefix] of SUBGRAPHS) {
      replicas[name] = [];
      const ports = await Promise.all(Array.from({ length: countOf(name) }, findFreePort));
      // One after the other: the first creates the database's indexes and seeds it.
      for (const [replica, port] of ports.entries()) {
        const env = {
          ...common,
          ...subgraphEnv,
          [`${prefix}_PORT`]: String(port),
          [`${prefix}_HOST`]: '127.0.0.1',
          ...(options.mongodbUrl ? { [`${prefix}_DATABASE`]: `${name}_${stackId}` } : {}),
        };
        replicas[name].push(
          await startService(name, replica, env, `http://127.0.0.1:${port}`, readyTimeoutMs),
        );
      }
      if (ports.length === 1) {
        reachable[name] = `http://127.0.0.1:${ports[0]}`;
      } else {
        const balancer = await startLoadBalancer(ports.map((port) => `127.0.0.1:${port}`));
        balancers.push(balancer);
        reachable[name] = balancer.origin;
      }
    }

    replicas.router = [];
    const routerPorts = await Promise.all(Array.from({ length: countOf('router') }, findFreePort));
    for (const [replica, port] of routerPorts.entries()) {
      const env = {
        ...common,
        ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
        ROUTER_PORT: String(port),
        ROUTER_HOST: '127.0.0.1',
        SUBGRAPH_URLS: SUBGRAPHS.map(([name]) => `${name}=${reachable[name]}/graphql`).join(','),
        JWKS_URL: `${reachable['identity']}/.well-known/jwks.json`,
      };
      replicas.router.push(
        await startService('router', replica, env, `http://127.0.0.1:${port}`, readyTimeoutMs),
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }

  const routers: RouterProcess[] = replicas.router.map((service) =>
    Object.assign(Object.create(service) as ServiceProcess, {
      client: createGraphQLClient(service.url),
    }),
  );
  const routerAt = (via: number) => {
    const router = routers[via];
    if (!router) throw new Error(`there is no router ${via}: ${routers.length} run`);
    return router;
  };
  const signIn = async (usernameOrEmail: string, password: string, via: number) => {
    const router = routerAt(via);
    const { data, errors } = await router.client.request<{ login: AuthPayload }>(
      `mutation ($input: LoginInput!) { login(input: $input) { ${AUTH_PAYLOAD} } }`,
      { input: { usernameOrEmail, password } },
    );
    return signedIn(router.url, data?.login, errors);
  };
  const [firstRouter] = routers;
  return {
    routerUrl: firstRouter!.url,
    client: firstRouter!.client,
    services: Object.fromEntries(
      Object.entries(replicas).map(([name, processes]) => [name, processes[0]]),
    ) as Record<ServiceName, ServiceProcess>,
    replicas,
    routers,
    signInAsAdmin: (via = 0) =>
      signIn(
        common['ADMIN_USERNAME'] ?? 'admin',
        common['ADMIN_PASSWORD'] ?? 'change-me-admin-password',
        via,
      ),
    async registerPlayer(username, password = 'correct horse battery staple', via = 0) {
      const router = routerAt(via);
      const { data, errors } = await router.client.request<{ register: AuthPayload }>(
        `mutation ($input: RegisterInput!) { register(input: $input) { ${AUTH_PAYLOAD} } }`,
        { input: { username, email: `${username}@example.test`, password } },
      );
      return signedIn(router.url, data?.register, errors);
    },
    stop,
  };
}

const AUTH_PAYLOAD = 'accessToken user { id }';

interface AuthPayload {
  accessToken: string;
  user: { id: string };
}

function signedIn(
  routerUrl: string,
  payload: AuthPayload | undefined,
  errors: unknown,
): SignedInClient {
  if (!payload) throw new Error(`sign-in failed: ${JSON.stringify(errors)}`);
  return {
    ...createGraphQLClient(routerUrl, { authorization: `Bearer ${payload.accessToken}` }),
    userId: payload.user.id,
    accessToken: payload.accessToken,
  };
}

async function startService(
  name: ServiceName,
  replica: number,
  env: NodeJS.ProcessEnv,
  origin: string,
  readyTimeoutMs: number,
): Promise<ServiceProcess> {
  const label = replica === 0 ? name : `${name} replica ${replica}`;
  const entry = name === 'router' ? 'router/src/main.ts' : `subgraphs/${name}/src/main.ts`;
  const tail: string[] = [];
  let child: ChildProcess | undefined;
  let exited: Promise<Omit<ProcessExit, 'ms'>> = Promise.resolve({ code: null, signal: null });

  const launch = async () => {
    const spawned = spawn(
      process.execPath,
      [
        ...SERVICE_NODE_FLAGS,
        '--import',
        'tsx',
        '--import',
        exitWithParent,
        '--import',
        TELEMETRY,
        entry,
      ],
      {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      },
    );
    child = spawned;
    running.add(spawned);
    exited = once(spawned, 'close').then(([code, signal]) => {
      running.delete(spawned);
      return { code: code as number | null, signal: signal as NodeJS.Signals | null };
    });
    const keep = (chunk: Buffer) => {
      tail.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((line) => line.trim() !== ''),
      );
      tail.splice(0, Math.max(0, tail.length - OUTPUT_TAIL_LINES));
    };
    spawned.stdout?.on('data', keep);
    spawned.stderr?.on('data', keep);

    const deadline = Date.now() + readyTimeoutMs;
    for (;;) {
      if (spawned.exitCode !== null || spawned.signalCode !== null) {
        throw new Error(
          `${label} exited before it was ready; its last output:\n${tail.join('\n')}`,
        );
      }
      const ready = await fetch(`${origin}/health/ready`, { signal: AbortSignal.timeout(2000) })
        .then((response) => response.ok)
        .catch(() => false);
      if (ready) return;
      if (Date.now() > deadline) {
        spawned.kill('SIGKILL');
        throw new Error(
          `${label} was not ready within ${readyTimeoutMs / 1000} s; its last output:\n${tail.join('\n')}`,
        );
      }
      await sleep(200);
    }
  };

  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const current = child;
    if (!current || current.exitCode !== null || current.signalCode !== null) return undefined;
    const sentAt = Date.now();
    current.kill(signal);
    const gone = await Promise.race([exited, sleep(STOP_GRACE_MS, undefined)]);
    if (!gone) current.kill('SIGKILL');
    return { ...(gone ?? (await exited)), ms: Date.now() - sentAt };
  };

  await launch();
  return {
    name,
    replica,
    url: `${origin}/graphql`,
    get pid() {
      return child?.exitCode === null && child.signalCode === null ? child.pid : undefined;
    },
    kill,
    async restart() {
      await kill('SIGTERM');
      await launch();
    },
    output: () => tail.join('\n'),
  };
}
