import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { sep } from 'node:path';
import { promisify } from 'node:util';

/** One installed package of the production dependency tree and the licence it declares. */
export interface LicensedPackage {
  name: string;
  version: string;
  /** The SPDX expression of its `package.json` (`license`), or `UNKNOWN` when it states none. */
  license: string;
}

/** A node of `npm ls --json --long`: the package's `package.json` fields plus where it lies. */
interface NpmLsNode {
  name?: string;
  version?: string;
  path?: string;
  license?: unknown;
  licenses?: unknown;
  dependencies?: Record<string, NpmLsNode>;
}

/** `license` as a string, the old `{ type }` object, or the older `licenses` array. */
function licenseOf(node: NpmLsNode): string {
  const typeOf = (value: unknown): string | undefined =>
    typeof value === 'string'
      ? value
      : typeof value === 'object' && value !== null && 'type' in value
        ? String(value.type)
        : undefined;
  const single = typeOf(node.license);
  if (single) return single;
  if (Array.isArray(node.licenses)) {
    const types = node.licenses.map(typeOf).filter((type) => type !== undefined);
    if (types.length > 0) return types.length === 1 ? types[0]! : `(${types.join(' OR ')})`;
  }
  return 'UNKNOWN';
}

/**
 * Walks the tree npm reports, leaving out the project's own workspaces (they are under the
 * project's LICENSE; npm links them into `node_modules`, so they are told apart by where the
 * link leads) but not what they depend on. Optional dependencies that are not installed have
 * no path and are left out too.
 */
export function collectLicensedPackages(tree: NpmLsNode): LicensedPackage[] {
  const found = new Map<string, LicensedPackage>();
  const walk = (node: NpmLsNode) => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      if (child.path === undefined || child.version === undefined) continue;
      const installed = realpathSync(child.path).includes(`${sep}node_modules${sep}`);
      const key = `${name}@${child.version}`;
      if (installed && !found.has(key)) {
        found.set(key, { name, version: child.version, license: licenseOf(child) });
      }
      walk(child);
    }
  };
  walk(tree);
  return [...found.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version),
  );
}

/**
 * The production dependency tree of the repository at `root`, every workspace included, as
 * `npm ls --omit=dev --all --json --long` lays it out, with each package's declared licence.
 */
export async function readProductionLicenses(root: string): Promise<LicensedPackage[]> {
  const args = ['ls', '--omit=dev', '--all', '--json', '--long'];
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)('npm', args, {
      cwd: root,
      maxBuffer: 256 * 1024 * 1024,
    }));
  } catch (error) {
    // npm ls exits 1 on tree problems (an extraneous or invalid package) yet prints the tree.
    const output = (error as { stdout?: unknown }).stdout;
    if (typeof output !== 'string' || output === '') throw error;
    stdout = output;
  }
  return collectLicensedPackages(JSON.parse(stdout) as NpmLsNode);
}

/** Packages grouped by licence, licences in alphabetical order, each group's names deduplicated. */
export function groupByLicense(packages: readonly LicensedPackage[]): Map<string, string[]> {
  const groups = new Map<string, Set<string>>();
  for (const { name, license } of packages) {
    const names = groups.get(license) ?? new Set<string>();
    names.add(name);
    groups.set(license, names);
  }
  return new Map(
    [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([license, names]) => [license, [...names].sort()]),
  );
}
