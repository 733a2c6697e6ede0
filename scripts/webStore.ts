import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The web store's workspace. */
export const WEB_STORE_WORKSPACE = fileURLToPath(new URL('../web/', import.meta.url));

/**
 * The web store's trusted-documents manifest (`npm run codegen`): the router is given it so the
 * ids the store sends resolve, whatever `ROUTER_TRUSTED_DOCUMENTS` says.
 */
export const WEB_STORE_MANIFEST = join(
  WEB_STORE_WORKSPACE,
  'src',
  'gql',
  'persisted-documents.json',
);

/** Where `vite build` puts the web store: what the router serves at its origin. */
export const WEB_STORE_BUILD = join(WEB_STORE_WORKSPACE, 'dist');

/** Builds the web store with Vite (`npm run build -w web`), its output on this process's stderr. */
export async function buildWebStore(): Promise<void> {
  const require = createRequire(join(WEB_STORE_WORKSPACE, 'package.json'));
  const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: WEB_STORE_WORKSPACE,
    // A production build whatever the caller runs under (vitest sets NODE_ENV=test).
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new Error(`building the web store failed (vite build exited ${code})`);
}

/** Builds the web store unless a build is there already; resolves to its directory. */
export async function ensureWebStoreBuilt(): Promise<string> {
  if (!existsSync(join(WEB_STORE_BUILD, 'index.html'))) {
    process.stdout.write('Building the web store (once; npm run web:build rebuilds it)…\n');
    await buildWebStore();
  }
  return WEB_STORE_BUILD;
}
