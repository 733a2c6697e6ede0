import { mkdir, mkdtemp, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

/**
 * Writes files into `directory` as the kubelet lays out a ConfigMap volume, and updates it the
 * way the kubelet does when the ConfigMap changes (its AtomicWriter): the files go into a new
 * timestamped folder, a `..data_tmp` symlink to it is renamed over `..data`, each file is a
 * symlink `name → ..data/name` made once, and the previous timestamped folder is removed. The
 * files' own symlinks never change: only `..data` moves, so a watcher of the file's inode (or a
 * reader holding the old folder) sees nothing, and `rename` is the only event in `directory`.
 */
export async function writeConfigMapVolume(
  directory: string,
  files: Record<string, string>,
): Promise<void> {
  await mkdir(directory, { recursive: true });
  const previous = await readlink(join(directory, '..data')).catch(() => undefined);
  const stamp = new Date().toISOString().replace(/[-:T]/g, '_').replace(/\..*$/, '');
  const version = await mkdtemp(join(directory, `..${stamp}.`));
  for (const [name, content] of Object.entries(files)) {
    await writeFile(join(version, name), content);
  }
  await symlink(basename(version), join(directory, '..data_tmp'));
  await rename(join(directory, '..data_tmp'), join(directory, '..data'));
  for (const name of Object.keys(files)) {
    await symlink(join('..data', name), join(directory, name)).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    });
  }
  if (previous !== undefined) await rm(join(directory, previous), { recursive: true, force: true });
}
