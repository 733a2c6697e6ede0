import { access, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pinnedFederationAudit } from './pinnedFederationAudit.ts';
import { runCommand } from './runCommand.ts';

/**
 * Clones the public audit repository into `dir` and checks out the pinned commit; a checkout
 * already there at that commit is kept. Needs `git` and access to GitHub.
 */
export async function cloneFederationAudit(dir: string): Promise<void> {
  const { repository, commit } = pinnedFederationAudit;
  if ((await checkedOutCommit(dir)) === commit) return;
  // Cloned beside, then renamed: an interrupted clone never looks like a finished one.
  const partial = `${dir}.partial`;
  await rm(partial, { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
  await mkdir(dirname(dir), { recursive: true });
  const env = { ...process.env, GIT_TERMINAL_PROMPT: '0' };
  await runCommand('git', ['clone', '--quiet', '--no-checkout', repository, partial], {
    cwd: dirname(dir),
    env,
  });
  await runCommand('git', ['-c', 'advice.detachedHead=false', 'checkout', '--quiet', commit], {
    cwd: partial,
    env,
  });
  await rename(partial, dir);
}

/** The commit checked out in `dir`, or `undefined` when `dir` is not the root of a clone. */
export async function checkedOutCommit(dir: string): Promise<string | undefined> {
  try {
    // Not `git rev-parse` alone: inside another repository it would answer for that one.
    await access(join(dir, '.git'));
    return (await runCommand('git', ['rev-parse', 'HEAD'], { cwd: dir })).trim();
  } catch {
    return undefined;
  }
}
