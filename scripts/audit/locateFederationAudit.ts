import { access, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { checkedOutCommit, cloneFederationAudit } from './cloneFederationAudit.ts';
import { pinnedFederationAudit } from './pinnedFederationAudit.ts';

export interface FederationAuditSource {
  /** The directory holding the audit's `package.json`, `package-lock.json` and `src/`. */
  dir: string;
  /** Where it came from, for the report. */
  origin: string;
}

export interface LocateFederationAuditOptions {
  /** The repository root. */
  root: string;
  /** Read for `FEDERATION_AUDIT_DIR`. */
  env: NodeJS.ProcessEnv;
  /** Where to clone the public repository when no copy is found. */
  cloneDir: string;
}

/**
 * Finds the audit's sources: the directory named by `FEDERATION_AUDIT_DIR` (which must then
 * exist: no silent fallback), else `../shared/federation-gateway-audit` beside the repository,
 * else a clone of the public repository at the pinned commit. Rejects a git checkout at another
 * commit, and a copy whose ORIGIN.md names another one.
 */
export async function locateFederationAudit({
  root,
  env,
  cloneDir,
}: LocateFederationAuditOptions): Promise<FederationAuditSource> {
  const named = env['FEDERATION_AUDIT_DIR'];
  if (named) {
    const dir = resolve(root, named);
    await checkCopy(dir, 'FEDERATION_AUDIT_DIR');
    return { dir, origin: `FEDERATION_AUDIT_DIR (${named})` };
  }
  const sibling = resolve(root, '../shared/federation-gateway-audit');
  if (await exists(sibling)) {
    await checkCopy(sibling, 'the copy beside the repository');
    return { dir: sibling, origin: '../shared/federation-gateway-audit' };
  }
  await cloneFederationAudit(cloneDir).catch((error: unknown) => {
    throw new Error(
      `no copy of the federation audit (set FEDERATION_AUDIT_DIR, or put one at ${sibling}) and cloning ${pinnedFederationAudit.repository} failed`,
      { cause: error },
    );
  });
  await checkCopy(cloneDir, 'the clone');
  return { dir: cloneDir, origin: `a clone of ${pinnedFederationAudit.repository}` };
}

async function checkCopy(dir: string, what: string): Promise<void> {
  for (const file of ['package.json', 'package-lock.json', 'src/cli.ts']) {
    if (!(await exists(join(dir, file)))) {
      throw new Error(`${what}, ${dir}, is not a copy of the federation audit: no ${file}`);
    }
  }
  const { commit } = pinnedFederationAudit;
  const checkedOut = await checkedOutCommit(dir);
  if (checkedOut !== undefined && checkedOut !== commit) {
    throw new Error(`${what}, ${dir}, is at commit ${checkedOut}, not the pinned ${commit}`);
  }
  const origin = await readFile(join(dir, 'ORIGIN.md'), 'utf8').catch(() => '');
  const named: string[] = origin.match(/\b[0-9a-f]{40}\b/g) ?? [];
  if (named.length > 0 && !named.includes(commit)) {
    throw new Error(`${what}, ${dir}, says it is commit ${named[0]}, not the pinned ${commit}`);
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
