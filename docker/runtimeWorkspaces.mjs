// Prints the workspace folders a service needs at run time, one a line: its own, and those of the
// workspace packages its package.json lists in `dependencies`, transitively (a subgraph imports
// the message contracts of the services it talks to, `@play-economy/<owner>/messages`). The
// Dockerfile keeps these and removes every other service's sources.
//
// Usage, from the root of the installed tree: node runtimeWorkspaces.mjs subgraphs/identity
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const root = process.cwd();
const [service] = process.argv.slice(2);
if (!service) {
  process.stderr.write('usage: node runtimeWorkspaces.mjs <workspace folder>\n');
  process.exit(1);
}

const needed = new Set();
const visit = (folder) => {
  if (needed.has(folder)) return;
  needed.add(folder);
  const manifest = JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8'));
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    // npm links every workspace at the root's node_modules/<name>; other packages are no concern.
    const link = join(root, 'node_modules', name);
    if (!lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink()) continue;
    const target = relative(root, realpathSync(link));
    if (!target.startsWith('..')) visit(target.split(sep).join('/'));
  }
};
visit(service.replace(/\/+$/, ''));
process.stdout.write(`${[...needed].join('\n')}\n`);
