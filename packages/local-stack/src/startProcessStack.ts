import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { settingsPrefixOf } from '@play-economy/chassis';
import { createGraphQLClient, type GraphQLClient } from './createGraphQLClient.ts';
import { findFreePort } from './findFreePort.ts';
import { listSubgraphs } from './loadSubgraphs.ts';
import type { SignedInClient } from './startStack.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
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
}

/** One service running in its own process. */
export interface ServiceProcess {
  readonly name: ServiceName;
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

export interface ProcessStack {
  routerUrl: string;
  client: GraphQLClient;
  services: Readonly<Record<ServiceName, ServiceProcess>>;
  signInAsAdmin(): Promise<SignedInClient>;
  registerPlayer(username: string, password?: string): Promise<SignedInClient>;
  /** Stops the router first, then the subgraphs (SIGTERM, SIGKILL after 10 s). */
  stop(): Promise<void>;
}

/**
 * Runs every subgraph and the router as separate processes (`node --import tsx
 * <service>/src/main.ts`), as `npm start` does with `AMQP_URL` set, each with its embedded
 * store (journaled under `dataDir` when given), on free loopback ports. Unlike {@link startStack}, a service
 * can be killed and restarted: for fault-injection tests and the benchmark.
 */
export async function startProcessStack(options: ProcessStackOptions): Promise<ProcessStack> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  /** The subgraphs, in start order, with the prefix of their settings. */
  const SUBGRAPHS = (await listSubgraphs()).map(
    ({ name }) => [name as ServiceName, settingsPrefixOf(name)] as const,
  );
  const ports = Object.fromEntries(
    await Promise.all(
      [...SUBGRAPHS.map(([name]) => name), 'router' as const].map(
        async (name) => [name, await findFreePort()] as const,
      ),
    ),
  ) as Record<ServiceName, number>;
  const origin = (name: ServiceName) => `http://127.0.0.1:${ports[name]}`;
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(MONGODB_URL|DATA_DIR)$/.test(key)),
  );
  const common: NodeJS.ProcessEnv = {
    ...inherited,
    ...options.env,
    AMQP_URL: options.amqpUrl,
    ...(options.dataDir === undefined ? {} : { DATA_DIR: options.dataDir }),
    // @apollo/gateway otherwise reports to Apollo: nothing here leaves 127.0.0.1.
    APOLLO_TELEMETRY_DISABLED: 'true',
  };
  const envOf = (name: ServiceName): NodeJS.ProcessEnv => {
    if (name !== 'router') {
      const prefix = SUBGRAPHS.find(([subgraph]) => subgraph === name)![1];
      return {
        ...common,
        [`${prefix}_PORT`]: String(ports[name]),
        [`${prefix}_HOST`]: '127.0.0.1',
      };
    }
    return {
      ...common,
      ROUTER_PORT: String(ports.router),
      ROUTER_HOST: '127.0.0.1',
      SUBGRAPH_URLS: SUBGRAPHS.map(([subgraph]) => `${subgraph}=${origin(subgraph)}/graphql`).join(
        ',',
      ),
      JWKS_URL: `${origin('identity')}/.well-known/jwks.json`,
    };
  };

  const services = {} as Record<ServiceName, ServiceProcess>;
  const stop = async () => {
    const started = Object.values(services);
    await Promise.all(
      started.filter(({ name }) => name === 'router').map((s) => s.kill('SIGTERM')),
    );
    await Promise.all(
      started.filter(({ name }) => name !== 'router').map((s) => s.kill('SIGTERM')),
    );
  };
  try {
    for (const [name] of SUBGRAPHS) {
      services[name] = await startService(name, envOf(name), origin(name), readyTimeoutMs);
    }
    services.router = await startService(
      'router',
      envOf('router'),
      origin('router'),
      readyTimeoutMs,
    );
  } catch (error) {
    await stop();
    throw error;
  }

  const routerUrl = services.router.url;
  const client = createGraphQLClient(routerUrl);
  const signIn = async (usernameOrEmail: string, password: string) => {
    const { data, errors } = await client.request<{ login: AuthPayload }>(
      `mutation ($input: LoginInput!) { login(input: $input) { ${AUTH_PAYLOAD} } }`,
      { input: { usernameOrEmail, password } },
    );
    return signedIn(routerUrl, data?.login, errors);
  };
  return {
    routerUrl,
    client,
    services,
    signInAsAdmin: () =>
      signIn(
        common['ADMIN_USERNAME'] ?? 'admin',
        common['ADMIN_PASSWORD'] ?? 'change-me-admin-password',
      ),
    async registerPlayer(username, password = 'correct horse battery staple') {
      const { data, errors } = await client.request<{ register: AuthPayload }>(
        `mutation ($input: RegisterInput!) { register(input: $input) { ${AUTH_PAYLOAD} } }`,
        { input: { username, email: `${username}@example.test`, password } },
      );
      return signedIn(routerUrl, data?.register, errors);
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
  env: NodeJS.ProcessEnv,
  origin: string,
  readyTimeoutMs: number,
): Promise<ServiceProcess> {
  const entry = name === 'router' ? 'router/src/main.ts' : `subgraphs/${name}/src/main.ts`;
  const tail: string[] = [];
  let child: ChildProcess | undefined;
  let exited: Promise<Omit<ProcessExit, 'ms'>> = Promise.resolve({ code: null, signal: null });

  const launch = async () => {
    const spawned = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', exitWithParent, '--import', TELEMETRY, entry],
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
        throw new Error(`${name} exited before it was ready; its last output:\n${tail.join('\n')}`);
      }
      const ready = await fetch(`${origin}/health/ready`, { signal: AbortSignal.timeout(2000) })
        .then((response) => response.ok)
        .catch(() => false);
      if (ready) return;
      if (Date.now() > deadline) {
        spawned.kill('SIGKILL');
        throw new Error(
          `${name} was not ready within ${readyTimeoutMs / 1000} s; its last output:\n${tail.join('\n')}`,
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
