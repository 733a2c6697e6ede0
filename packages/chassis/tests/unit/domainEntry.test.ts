import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../../src/domain.ts', import.meta.url));

/**
 * The packages a module loads at run time, following its relative imports: `import type` and
 * `export type` are erased by TypeScript and load nothing.
 */
function runtimePackagesOf(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  const statements = source.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)';/gms);
  for (const [, , typeOnly, specifier] of statements) {
    if (typeOnly || specifier === undefined) continue;
    if (specifier.startsWith('.')) {
      for (const name of runtimePackagesOf(resolve(dirname(file), specifier), seen)) {
        packages.add(name);
      }
    } else {
      packages.add(specifier);
    }
  }
  return packages;
}

it('loads no driver, server or telemetry SDK: only zod and Node built-ins', () => {
  const packages = [...runtimePackagesOf(entry)];
  expect(packages.length).toBeGreaterThan(0);
  expect(packages.filter((name) => !name.startsWith('node:') && name !== 'zod')).toEqual([]);
});
