/**
 * `npm start`: the whole supergraph on this machine.
 *
 * - No MONGODB_URL and no AMQP_URL: every server in this one process, embedded stores and an
 *   in-process bus. Needs nothing but Node.
 * - Either set: one process per service, each on MongoDB and/or RabbitMQ, as in production.
 *
 * Ctrl-C stops everything.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createLogger, SERVICE_NODE_FLAGS, shutdownOnSignals } from '@play-economy/chassis/web';
import { listSubgraphs, startStack } from '@play-economy/local-stack';
import { ensureWebStoreBuilt, WEB_STORE_MANIFEST } from './webStore.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const TELEMETRY = '@play-economy/chassis/telemetry/register';

function announce(routerUrl: string, storeUrl?: string): void {
  const local = (url: string) =>
    url.replace('127.0.0.1', 'localhost').replace('0.0.0.0', 'localhost');
  process.stdout.write(
    '\n' +
      (storeUrl ? `Play Economy web store at ${local(storeUrl)}\n` : '') +
      `Play Economy supergraph ready at ${local(routerUrl)}\n` +
      'Open it in a browser for Apollo Sandbox. Press Ctrl-C to stop.\n\n',
  );
}

/**
 * The environment with the web store's manifest as the router's trusted documents unless one is
 * set: the store sends operations by id (and `ROUTER_TRUSTED_DOCUMENTS=enforce npm start` then
 * runs only the store's operations).
 */
function withStoreManifest(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...env,
    ROUTER_TRUSTED_DOCUMENTS_PATH: env['ROUTER_TRUSTED_DOCUMENTS_PATH'] ?? WEB_STORE_MANIFEST,
  };
}

async function runInOneProcess(): Promise<void> {
  const stack = await startStack({
    env: withStoreManifest(process.env),
    site: { directory: await ensureWebStoreBuilt() },
  });
  announce(stack.routerUrl, `${stack.routerOrigin}/`);
  shutdownOnSignals({
    logger: createLogger({ service: 'play-economy', level: process.env['LOG_LEVEL'] }),
    stop: () => stack.stop(),
  });
}

async function runProcessPerService(): Promise<void> {
  const entries = [...(await listSubgraphs()).map(({ main }) => main), 'router/src/main.ts'];
  const children: ChildProcess[] = entries.map((entry) =>
    // Telemetry first: the register file must run before the entry point imports anything.
    spawn(
      process.execPath,
      [...SERVICE_NODE_FLAGS, '--import', 'tsx', '--import', TELEMETRY, entry],
      {
        cwd: root,
        env: withStoreManifest(process.env),
        stdio: 'inherit',
      },
    ),
  );
  let stopping = false;
  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    process.exitCode = code;
  };
  for (const [index, child] of children.entries()) {
    child.once('exit', (code) => {
      if (!stopping) {
        process.stderr.write(`${entries[index]} exited with code ${code}; stopping the others\n`);
        stopAll(1);
      }
    });
  }
  process.once('SIGINT', () => stopAll(0));
  process.once('SIGTERM', () => stopAll(0));
  const port = process.env['ROUTER_PORT'] ?? '4000';
  void announceWhenReady(`http://localhost:${port}`);
}

async function announceWhenReady(routerOrigin: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const ready = await fetch(`${routerOrigin}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return announce(`${routerOrigin}/graphql`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  process.stderr.write(`The router at ${routerOrigin} did not become ready within a minute\n`);
}

if (process.env['MONGODB_URL'] || process.env['AMQP_URL']) {
  await runProcessPerService();
} else {
  await runInOneProcess();
}
