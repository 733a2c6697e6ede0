import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import { relative } from 'node:path';
import type { SchemaFiles } from './schemaFiles.ts';

export type GeneratedCodeStatus =
  { state: 'fresh' } | { state: 'absent' } | { state: 'stale'; output: string };

/**
 * Runs `graphql-codegen --config codegen.ts --check`, which exits non-zero when generating
 * would change any file. No `codegen.ts` means nothing is generated, so nothing to check.
 */
export async function checkGeneratedCode(files: SchemaFiles): Promise<GeneratedCodeStatus> {
  try {
    await access(files.codegen);
  } catch {
    return { state: 'absent' };
  }
  const config = relative(files.root, files.codegen);
  const child = spawn('npx', ['--no', '--', 'graphql-codegen', '--config', config, '--check'], {
    cwd: files.root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  return code === 0 ? { state: 'fresh' } : { state: 'stale', output: output.trim() };
}
