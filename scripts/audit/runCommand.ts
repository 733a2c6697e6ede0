import { spawn } from 'node:child_process';

export interface RunCommandOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs a command to completion with its output captured; rejects with the command line and the
 * end of its output when it cannot start or exits non-zero.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  { cwd, env = process.env }: RunCommandOptions,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) =>
      reject(new Error(`${command} could not be started: ${error.message}`, { cause: error })),
    );
    child.once('close', (code, signal) => {
      if (code === 0) return resolve(output);
      const tail = output.trim().split('\n').slice(-30).join('\n');
      reject(
        new Error(
          `\`${[command, ...args].join(' ')}\` in ${cwd} ended with ${signal ?? `exit code ${code}`}:\n${tail}`,
        ),
      );
    });
  });
}
