/**
 * Every workspace declares the workspace packages its `src/` imports: a subgraph that reads
 * another's message contracts (`@play-economy/<owner>/messages`) lists `@play-economy/<owner>`
 * among its `dependencies`, so its manifest and the lockfile say what it needs at run time. npm
 * links every workspace at the root, so an undeclared import resolves all the same; this test is
 * what notices it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  bareImports,
  manifestOf,
  packageName,
  sourceFiles,
  workspaceDirectories,
} from './support/workspaces.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const workspaces = workspaceDirectories().map((dir) => ({ dir, manifest: manifestOf(dir) }));
const workspaceNames = new Set(workspaces.map(({ manifest }) => manifest.name));
/** The files the subgraphs export as `./messages`: their message contracts. */
const contractEntries = workspaces.flatMap(({ dir, manifest }) => {
  const entry = manifest.exports?.['./messages'];
  return entry === undefined ? [] : [join(dir, entry)];
});

/** The other workspaces' packages the files under `dir` import, each with a file importing it. */
function workspaceImports(dir: string, ownName: string): Map<string, string> {
  const imported = new Map<string, string>();
  for (const file of sourceFiles(dir)) {
    for (const { specifier } of bareImports(readFileSync(join(root, file), 'utf8'))) {
      const name = packageName(specifier);
      if (workspaceNames.has(name) && name !== ownName && !imported.has(name)) {
        imported.set(name, file);
      }
    }
  }
  return imported;
}

describe('workspace dependencies', () => {
  it('finds the subgraphs importing each other’s message contracts', () => {
    // The scan sees what the check below is for; an empty scan would pass it vacuously.
    expect([...workspaceImports('subgraphs/trading/src', '@play-economy/trading').keys()]).toEqual(
      expect.arrayContaining(['@play-economy/identity', '@play-economy/inventory']),
    );
  });

  // Packages may depend on each other in a cycle (trading and the subgraphs it commands);
  // modules must not: a contracts entry loads only the chassis's domain entry.
  it.each(contractEntries)('%s imports nothing but @play-economy/chassis/domain', (path) => {
    const text = readFileSync(join(root, path), 'utf8');
    expect(text).not.toMatch(/\bfrom\s+['"]\./);
    expect(bareImports(text).map(({ specifier }) => specifier)).toEqual([
      '@play-economy/chassis/domain',
    ]);
  });

  it.each(workspaces.map(({ dir, manifest }) => [dir, manifest] as const))(
    '%s lists every workspace package its src imports in its dependencies',
    (dir, manifest) => {
      const undeclared = [...workspaceImports(`${dir}/src`, manifest.name)]
        .filter(([name]) => manifest.dependencies?.[name] === undefined)
        .map(([name, file]) => `${name} (imported by ${file})`);
      expect(undeclared.join('\n')).toBe('');
    },
  );
});
