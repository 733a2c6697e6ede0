import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  listedLicenses,
  renderLicensesSection,
  replaceLicensesSection,
  SECTION_END,
  SECTION_START,
} from '../../licenses/licensesSection.ts';
import { collectLicensedPackages, groupByLicense } from '../../licenses/readProductionLicenses.ts';

describe('collectLicensedPackages', () => {
  let root: string;
  const inNodeModules = (name: string) => join(root, 'node_modules', name);

  beforeEach(async () => {
    // A workspace as npm lays it out: its folder, and a link to it in node_modules.
    root = await mkdtemp(join(tmpdir(), 'licenses-'));
    await mkdir(join(root, 'router'));
    await mkdir(join(root, 'node_modules', '@play-economy'), { recursive: true });
    await symlink(join(root, 'router'), inNodeModules('@play-economy/router'));
    for (const name of ['a', 'b', 'c', 'd']) await mkdir(inNodeModules(name));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('reads every declared form of a licence, once per name and version, below workspaces', () => {
    const tree = {
      dependencies: {
        // The project's own workspace: not listed, but its dependencies are.
        '@play-economy/router': {
          version: '0.1.0',
          path: inNodeModules('@play-economy/router'),
          dependencies: {
            a: { version: '1.0.0', path: inNodeModules('a'), license: 'MIT' },
            b: { version: '2.0.0', path: inNodeModules('b'), license: { type: 'ISC' } },
            c: {
              version: '3.0.0',
              path: inNodeModules('c'),
              licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }],
            },
            d: { version: '4.0.0', path: inNodeModules('d') },
            // An optional dependency that is not installed.
            fsevents: {},
          },
        },
        a: { version: '1.0.0', path: inNodeModules('a'), license: 'MIT' },
      },
    };
    expect(collectLicensedPackages(tree)).toEqual([
      { name: 'a', version: '1.0.0', license: 'MIT' },
      { name: 'b', version: '2.0.0', license: 'ISC' },
      { name: 'c', version: '3.0.0', license: '(MIT OR Apache-2.0)' },
      { name: 'd', version: '4.0.0', license: 'UNKNOWN' },
    ]);
  });
});

describe('the generated list', () => {
  const groups = groupByLicense([
    { name: 'zod', version: '3.0.0', license: 'MIT' },
    { name: '@apollo/query-planner', version: '2.0.0', license: 'Elastic-2.0' },
    { name: 'graphql', version: '16.0.0', license: 'MIT' },
    { name: 'graphql', version: '15.0.0', license: 'MIT' },
  ]);

  it('groups names by licence, both sorted, each name once', () => {
    expect([...groups]).toEqual([
      ['Elastic-2.0', ['@apollo/query-planner']],
      ['MIT', ['graphql', 'zod']],
    ]);
  });

  it('replaces only the text between its markers, and reads the licences back', () => {
    const document = `# Licences\n\nProse.\n\n${SECTION_START}\n\n### Old\n\n${SECTION_END}\n\nAfter.\n`;
    const updated = replaceLicensesSection(document, renderLicensesSection(groups));
    expect(updated).toBe(
      `# Licences\n\nProse.\n\n${SECTION_START}\n\n### Elastic-2.0\n\n1 package: \`@apollo/query-planner\`.\n\n` +
        `### MIT\n\n2 packages: \`graphql\`, \`zod\`.\n\n${SECTION_END}\n\nAfter.\n`,
    );
    expect(listedLicenses(updated)).toEqual(new Set(['Elastic-2.0', 'MIT']));
    expect(() => replaceLicensesSection('# No markers\n', '')).toThrow(/markers/);
  });
});
