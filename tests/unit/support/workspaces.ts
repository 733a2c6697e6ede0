import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The npm workspaces of the repository and what their sources import, read from the files:
 * shared by the static checks of the deployment and of the workspace manifests.
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));
const exists = (path: string) => existsSync(join(root, path));
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));

/** What the checks read of a `package.json`. */
export interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  exports?: Record<string, string>;
}

/** The manifest of the workspace in `dir` (relative to the root), or of the root for `.`. */
export const manifestOf = (dir: string) => readJson(`${dir}/package.json`) as Manifest;

/** Every workspace folder the root `package.json` lists, its `dir/*` patterns expanded. */
export function workspaceDirectories(): string[] {
  const { workspaces } = readJson('package.json') as { workspaces: string[] };
  return workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    return readdirSync(join(root, parent))
      .map((entry) => `${parent}/${entry}`)
      .filter((dir) => exists(`${dir}/package.json`));
  });
}

/** The TypeScript and JavaScript sources under `dir`, declaration files and node_modules left out. */
export function sourceFiles(dir: string): string[] {
  if (!exists(dir)) return [];
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(?:[cm]?ts|[cm]?js|tsx)$/.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)
      ? [path]
      : [];
  });
}

/** A bare specifier a module imports, and whether only types are imported (erased at run time). */
export interface BareImport {
  specifier: string;
  typeOnly: boolean;
}

/** The bare specifiers of a module's static and dynamic imports and re-exports. */
export function bareImports(text: string): BareImport[] {
  const statements = text.matchAll(
    /(?:^|[\n;])\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/g,
  );
  const dynamic = text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g);
  return [
    ...[...statements].map(([, typeOnly, specifier]) => ({
      specifier: specifier!,
      typeOnly: typeOnly !== undefined,
    })),
    ...[...dynamic].map(([, specifier]) => ({ specifier: specifier!, typeOnly: false })),
  ].filter(({ specifier }) => !specifier.startsWith('.') && !specifier.startsWith('/'));
}

/** The package a bare specifier names: `@scope/name/sub` → `@scope/name`. */
export const packageName = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
