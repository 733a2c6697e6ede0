import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { FederationAuditInstallation } from './installFederationAudit.ts';
import { readAuditResults, type SuiteResult } from './readAuditResults.ts';

/**
 * Where the audit serves its subgraphs, and where the router under test listens. Unusual ports:
 * before each suite the audit kills whatever listens on the gateway's port, so never 4000,
 * which `npm start` uses.
 */
export const AUDIT_SERVER_PORT = 4298;
export const AUDIT_ROUTER_PORT = 4299;

export interface RunFederationAuditOptions {
  installation: FederationAuditInstallation;
  /** The audit's `--run-script`, which starts the router on one suite's supergraph. */
  runScript: string;
  /** Emptied, then given the run's logs (`logs/`, `audit.log`), results and supergraphs. */
  runDir: string;
  /** The Node the router runs on: this repository's, not the audit's. */
  routerNode: string;
  /** The whole run's deadline; past it the audit and everything it started are stopped. */
  timeoutMs: number;
  /** Told each suite's outcome as the audit reports it. */
  onSuite: (result: SuiteResult) => void;
}

/** Environment variables the audit's processes may inherit; the rest (AMQP_URL, ...) stay out. */
const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'LC_ALL'];
const STOP_GRACE_MS = 3_000;
const preload = new URL('./endProcessGroupWithParent.ts', import.meta.url).href;

/**
 * Runs the audit's `test` command: for every suite it serves the suite's subgraphs, runs the
 * run script (which execs the router), waits for `/health/ready` and sends the suite's queries.
 * Resolves with `results.txt`; rejects when the audit could not run to its end. The audit runs
 * as a process group of its own, ended on exit, on SIGINT/SIGTERM/SIGHUP and at the deadline.
 */
export async function runFederationAudit({
  installation,
  runScript,
  runDir,
  routerNode,
  timeoutMs,
  onSuite,
}: RunFederationAuditOptions): Promise<SuiteResult[]> {
  await checkPortFree(AUDIT_SERVER_PORT);
  await rm(runDir, { recursive: true, force: true });
  await mkdir(runDir, { recursive: true });
  const suites = new Set(await readdir(join(installation.auditDir, 'src/test-suites')));
  const routerUrl = `http://127.0.0.1:${AUDIT_ROUTER_PORT}`;
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(
      INHERITED.flatMap((name) =>
        process.env[name] === undefined ? [] : [[name, process.env[name]]],
      ),
    ),
    // How long the audit waits for a gateway's health check (5 s by default).
    GATEWAY_TIMEOUT: '20000',
    // For the run script.
    AUDIT_RUN_DIR: runDir,
    AUDIT_ROUTER_NODE: routerNode,
    AUDIT_SERVER_PORT: String(AUDIT_SERVER_PORT),
    // The router as in production, on its own: no broker, no Redis, no entity cache.
    NODE_ENV: 'production',
    ROUTER_HOST: '127.0.0.1',
    ROUTER_PORT: String(AUDIT_ROUTER_PORT),
    ROUTER_SECRET: randomBytes(32).toString('hex'),
    ROUTER_CACHE: 'false',
    // The audit checks answers, not limits: one client sends every query, on supergraphs whose
    // lists carry no @listSize.
    ROUTER_RATE_LIMIT_PER_MINUTE: '0',
    ROUTER_MAX_COST: '0',
    LOG_LEVEL: 'warn',
  };
  const args = [
    ...['--import', installation.tsxLoader, '--import', preload, 'src/cli.ts', 'test'],
    ...['--cwd', runDir, '--run-script', runScript, '--port', String(AUDIT_SERVER_PORT)],
    ...['--graphql', `${routerUrl}/graphql`, '--healthcheck', `${routerUrl}/health/ready`],
  ];
  const child = spawn(installation.node, args, {
    cwd: installation.auditDir,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const { stdout, stderr } = child;
  if (!stdout || !stderr) throw new Error('spawned without output pipes');
  const log = createWriteStream(join(runDir, 'audit.log'));
  stdout.pipe(log, { end: false });
  stderr.pipe(log, { end: false });
  const progress = suiteProgress(suites, onSuite);
  stdout.on('data', (chunk: Buffer) => progress.write(chunk.toString()));

  let stopped: string | undefined;
  const endGroup = (signal: NodeJS.Signals): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // The group has already ended.
    }
  };
  const stop = (reason: string): void => {
    stopped ??= reason;
    endGroup('SIGTERM');
    setTimeout(() => endGroup('SIGKILL'), STOP_GRACE_MS).unref();
  };
  const onExit = (): void => endGroup('SIGKILL');
  const onSignal = (signal: NodeJS.Signals): void => stop(`was interrupted (${signal})`);
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  process.on('exit', onExit);
  for (const signal of signals) process.on(signal, onSignal);
  const deadline = setTimeout(
    () => stop(`did not finish within ${Math.round(timeoutMs / 60_000)} minutes`),
    timeoutMs,
  );

  try {
    const exit = await new Promise<string | undefined>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code, signal) =>
        resolve(code === 0 ? undefined : (signal ?? `exit code ${code}`)),
      );
    });
    if (stopped) throw new Error(`the audit ${stopped}`);
    progress.end();
    if (exit) {
      const output = await readFile(join(runDir, 'audit.log'), 'utf8').catch(() => '');
      const tail = output.trim().split('\n').slice(-30).join('\n');
      throw new Error(`the audit ended with ${exit}:\n${tail}`);
    }
    return await readAuditResults(runDir);
  } finally {
    clearTimeout(deadline);
    process.off('exit', onExit);
    for (const signal of signals) process.off(signal, onSignal);
    // Whatever the audit left behind in its group (it waits for each router, but a router
    // could still be starting when the audit was stopped).
    endGroup('SIGKILL');
    log.end();
  }
}

/** The audit's own error would be buried under its usage text. */
async function checkPortFree(port: number): Promise<void> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `port ${port}, where the audit serves its subgraphs, is in use (another audit?)`,
            )
          : error,
      ),
    );
    server.listen(port, () => server.close(() => resolve()));
  });
}

/**
 * Follows the audit's dot reporter on stdout: a suite's id on a line of its own, then its
 * tests as `.` and `X`, wrapped every few columns; other lines (the port killer's noise) are
 * ignored. A suite is reported when the next one starts, and the last at the end.
 */
function suiteProgress(suites: ReadonlySet<string>, onSuite: (result: SuiteResult) => void) {
  let current: string | undefined;
  let tests = '';
  let partial = '';
  const flush = (): void => {
    if (current !== undefined) onSuite({ suite: current, tests: [...tests] as Array<'.' | 'X'> });
    current = undefined;
    tests = '';
  };
  const line = (text: string): void => {
    const plain = stripVTControlCharacters(text).trim();
    if (suites.has(plain)) {
      flush();
      current = plain;
    } else if (current !== undefined && /^[.X]+$/.test(plain)) {
      tests += plain;
    }
  };
  return {
    write(chunk: string): void {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      lines.forEach(line);
    },
    end(): void {
      line(partial);
      partial = '';
      flush();
    },
  };
}
