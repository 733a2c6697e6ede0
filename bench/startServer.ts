import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { SERVICE_NODE_FLAGS } from '@play-economy/chassis/web';

/** Children run from the repository root, whatever the caller's working directory. */
const root = fileURLToPath(new URL('..', import.meta.url));
const exitWithParent = new URL('./exitWithParent.ts', import.meta.url).href;
const exitOnSigterm = new URL('./exitOnSigterm.ts', import.meta.url).href;

const POLL_INTERVAL_MS = 200;
/** The project's own services, which run with the Node flags they have in production. */
const SERVICE_ENTRY = /^(router|subgraphs\/[^/]+)\/src\/main\.ts$/;
const STOP_GRACE_MS = 10_000;
const KILL_WAIT_MS = 2_000;
const OUTPUT_TAIL_LINES = 40;

/** Every child still running: killed when this process exits, however it exits. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface StartServerOptions {
  /** Shown in progress and error messages. */
  name: string;
  /** Entry point, relative to the repository root; run with `node --import tsx`. */
  entry: string;
  args?: readonly string[];
  /** The whole environment of the process. */
  env: NodeJS.ProcessEnv;
  /**
   * Resolves `true` once the server serves. Polled every 200 ms until it does, the process
   * exits, or `readyTimeoutMs` passes; it must bound its own requests.
   */
  isReady: () => Promise<boolean>;
  readyTimeoutMs: number;
  /**
   * Profile the process with V8's CPU profiler (`node --cpu-prof`): the profile is written into
   * this directory when the process exits, including when `stop()` ends it.
   */
  cpuProfileDir?: string;
}

/** A server running in a child process of the bench. */
export interface ServerProcess {
  readonly name: string;
  readonly pid: number;
  /** The last lines the process wrote on stdout and stderr, for error messages. */
  output(): string;
  /** SIGTERM, then SIGKILL when it has not exited within 10 s. */
  stop(): Promise<void>;
}

/**
 * Starts a server in its own process, so its memory is measurable alone, and resolves once it
 * is ready. The router and the subgraphs run with the Node flags of their image
 * (`SERVICE_NODE_FLAGS`); the bench's own servers, the plain gateway among them, with Node's
 * defaults. Rejects, with the process stopped and its last output in the message, when it
 * exits or is not ready in time.
 */
export async function startServer(options: StartServerOptions): Promise<ServerProcess> {
  const { name } = options;
  const profiling =
    options.cpuProfileDir === undefined
      ? []
      : ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir];
  const child = spawn(
    process.execPath,
    [
      ...(SERVICE_ENTRY.test(options.entry) ? SERVICE_NODE_FLAGS : []),
      ...profiling,
      '--import',
      'tsx',
      '--import',
      exitWithParent,
      ...(options.cpuProfileDir === undefined ? [] : ['--import', exitOnSigterm]),
      options.entry,
      ...(options.args ?? []),
    ],
    { cwd: root, env: options.env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  );
  running.add(child);
  const exited = new Promise<void>((resolve) => {
    child.once('close', () => {
      running.delete(child);
      resolve();
    });
  });

  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(
      ...chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => line.trim() !== ''),
    );
    tail.splice(0, Math.max(0, tail.length - OUTPUT_TAIL_LINES));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const output = () => tail.join('\n');

  const spawned = await new Promise<Error | undefined>((resolve) => {
    child.once('spawn', () => resolve(undefined));
    child.once('error', resolve);
  });
  if (spawned !== undefined || child.pid === undefined) {
    running.delete(child);
    throw new Error(`could not start ${name}`, { cause: spawned });
  }

  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  const stop = async () => {
    if (hasExited()) return;
    child.kill('SIGTERM');
    if (await settlesWithin(exited, STOP_GRACE_MS)) return;
    child.kill('SIGKILL');
    await settlesWithin(exited, KILL_WAIT_MS);
  };

  const deadline = Date.now() + options.readyTimeoutMs;
  for (;;) {
    if (hasExited()) {
      const how = child.exitCode === null ? `signal ${child.signalCode}` : `code ${child.exitCode}`;
      throw new Error(
        `${name} exited with ${how} before it was ready; its last output:\n${output()}`,
      );
    }
    if (await options.isReady().catch(() => false)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `${name} was not ready within ${options.readyTimeoutMs / 1000} s; its last output:\n${output()}`,
      );
    }
    await sleep(POLL_INTERVAL_MS);
  }

  return { name, pid: child.pid, output, stop };
}

/** Whether `promise` settles within `ms` milliseconds. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const controller = new AbortController();
  const timedOut = sleep(ms, false, { signal: controller.signal }).catch(() => false);
  const settled = await Promise.race([promise.then(() => true), timedOut]);
  controller.abort();
  return settled;
}
