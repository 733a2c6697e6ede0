/**
 * `npm run licenses`: rewrites the list of docs/licenses.md from the installed production
 * dependency tree (`npm ls --omit=dev`), grouped by the licence each package declares.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { groupByLicense, readProductionLicenses } from './licenses/readProductionLicenses.ts';
import { renderLicensesSection, replaceLicensesSection } from './licenses/licensesSection.ts';
import { repositoryRoot } from './schema/repositoryRoot.ts';

const path = join(repositoryRoot, 'docs', 'licenses.md');
const packages = await readProductionLicenses(repositoryRoot);
const groups = groupByLicense(packages);
const document = await readFile(path, 'utf8');
await writeFile(path, replaceLicensesSection(document, renderLicensesSection(groups)));
process.stdout.write(
  `docs/licenses.md: ${packages.length} packages under ${groups.size} licences\n`,
);
