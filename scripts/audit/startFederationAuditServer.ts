import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { findFreePort } from '@play-economy/chassis/web';
import type { FederationAuditInstallation } from './installFederationAudit.ts';

/** The audit's server: every suite's subgraphs, supergraph and tests. */
export interface RunningFederationAuditServer {
  /** E.g. `http://127.0.0.1:41234`: `/ids`, `/<suite>/supergraph`, `/<suite>/tests`. */
  url: string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;
const preload = new URL('./endProcessGroupWithParent.ts', import.meta.url).href;

/**
 * Starts the installed audit's `serve` command on a free port, on its Node 24, and resolves
 * once it answers `/ids`. It runs as a process group of its own that ends with this process,
 * however this process ends (see `endProcessGroupWithParent.ts`).
 */
export async function startFederationAuditServer(
  installation: FederationAuditInstallation,
): Promise<RunningFederationAuditServer> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const env = Object.fromEntries(
    ['PATH', 'HOME', 'TMPDIR'].flatMap((name) =>
      process.env[name] === undefined ? [] : [[name, process.env[name]]],
    ),
  );
  const child = spawn(
    installation.node,
    [
      ...['--import', installation.tsxLoader, '--import', preload],
      ...['src/cli.ts', 'serve', '--port', String(port)],
    ],
    { cwd: installation.auditDir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit');

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-(child.pid ?? 0), 'SIGKILL');
    } catch {
      // Already gone.
    }
    await exited;
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the federation audit's server ended at start-up:\n${output.trim()}`);
    }
    const ready = await fetch(`${url}/ids`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`the federation audit's server did not answer on ${url} within 60 s:\n${output}`);
}
