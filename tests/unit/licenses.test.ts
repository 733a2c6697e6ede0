/**
 * docs/licenses.md states the licence of every production dependency: a new dependency under a
 * licence the page does not list, or a new Elastic-licensed package it does not name, fails
 * here until `npm run licenses` (and, for the latter, a line of prose) updates the page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { listedLicenses } from '../../scripts/licenses/licensesSection.ts';
import {
  readProductionLicenses,
  type LicensedPackage,
} from '../../scripts/licenses/readProductionLicenses.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const document = readFileSync(join(root, 'docs', 'licenses.md'), 'utf8');

describe('docs/licenses.md', () => {
  let packages: LicensedPackage[];

  beforeAll(async () => {
    packages = await readProductionLicenses(root);
  }, 60_000);

  it('reads the installed production tree, the router’s planner included', () => {
    expect(packages.length).toBeGreaterThan(100);
    expect(packages).toContainEqual(
      expect.objectContaining({ name: '@apollo/query-planner', license: 'Elastic-2.0' }),
    );
  });

  it('lists every licence of the production tree', () => {
    const listed = listedLicenses(document);
    const unlisted = [...new Set(packages.map((pkg) => pkg.license))].filter(
      (license) => !listed.has(license),
    );
    expect(unlisted, 'run `npm run licenses` and describe any new licence').toEqual([]);
  });

  it('names every Elastic-licensed package in its prose table', () => {
    const prose = document.slice(0, document.indexOf('## Production dependencies by licence'));
    const unnamed = packages
      .filter((pkg) => pkg.license.includes('Elastic'))
      .map((pkg) => pkg.name)
      .filter((name) => !prose.includes(`\`${name}\``));
    expect(unnamed).toEqual([]);
  });
});
