import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const SERVICES = ['catalog', 'identity', 'inventory', 'trading', 'router'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** A service running in its own process, started as production starts it. */
export interface ServiceProcess {
  name: ServiceName;
  child: ChildProcess;
  /** Resolves with the exit code and how long after `stop()` was asked the process took. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What it wrote to stderr and stdout so far, for failure messages. */
  output(): string;
}

/** Ports for every service, free on 127.0.0.1 when asked. */
export async function freePorts(): Promise<Record<ServiceName, number>> {
  const ports: Partial<Record<ServiceName, number>> = {};
  for (const name of SERVICES) {
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    ports[name] = (server.address() as AddressInfo).port;
    server.close();
    await once(server, 'close');
  }
  return ports as Record<ServiceName, number>;
}

/** The environment that points every service at the others on `ports`. */
export function topologyEnv(ports: Record<ServiceName, number>): Record<string, string> {
  const graphql = (name: ServiceName) => `http://127.0.0.1:${ports[name]}/graphql`;
  return {
    CATALOG_PORT: String(ports.catalog),
    IDENTITY_PORT: String(ports.identity),
    INVENTORY_PORT: String(ports.inventory),
    TRADING_PORT: String(ports.trading),
    ROUTER_PORT: String(ports.router),
    CATALOG_HOST: '127.0.0.1',
    IDENTITY_HOST: '127.0.0.1',
    INVENTORY_HOST: '127.0.0.1',
    TRADING_HOST: '127.0.0.1',
    ROUTER_HOST: '127.0.0.1',
    SUBGRAPH_URLS: (['catalog', 'identity', 'inventory', 'trading'] as const)
      .map((name) => `${name}=${graphql(name)}`)
      .join(','),
    JWKS_URL: `http://127.0.0.1:${ports.identity}/.well-known/jwks.json`,
  };
}

/**
 * Starts each service as `npm start` does in process-per-service mode: its own Node process
 * with telemetry preloaded and its `main.ts`, which handles SIGTERM. Resolves once every one
 * answers `/health/ready`.
 */
export async function startServiceProcesses(
  env: Record<string, string | undefined>,
  ports: Record<ServiceName, number>,
): Promise<ServiceProcess[]> {
  const processes = SERVICES.map((name) => {
    const entry = name === 'router' ? 'router/src/main.ts' : `subgraphs/${name}/src/main.ts`;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', '@play-economy/chassis/telemetry/register', entry],
      { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    return { name, child, exited, output: () => output };
  });
  // Five Node processes compiling TypeScript at once on a small, shared machine.
  const deadline = Date.now() + 120_000;
  for (const service of processes) {
    for (;;) {
      const ready = await fetch(`http://127.0.0.1:${ports[service.name]}/health/ready`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) break;
      if (service.child.exitCode !== null || Date.now() > deadline) {
        for (const other of processes) other.child.kill('SIGKILL');
        throw new Error(`${service.name} did not become ready:\n${service.output()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return processes;
}
