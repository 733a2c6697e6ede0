import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anchorsOf, findBrokenLinks } from '../../docs/findBrokenLinks.ts';

describe('anchorsOf', () => {
  it('slugs headings as GitHub does, inline code and duplicates included', () => {
    const anchors = anchorsOf(
      [
        '# Play Economy',
        '## Federation: the public gateways benchmark’s test',
        '## `npm start` and `npm test`',
        '## Tests',
        '## Tests',
        '```',
        '# not a heading',
        '```',
      ].join('\n'),
    );
    expect([...anchors]).toEqual([
      'play-economy',
      'federation-the-public-gateways-benchmarks-test',
      'npm-start-and-npm-test',
      'tests',
      'tests-1',
    ]);
  });
});

describe('findBrokenLinks', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'doc-links-'));
    await mkdir(join(root, 'docs'));
    await writeFile(join(root, 'docs', 'saga.md'), '# The saga\n\n## Invariants\n');
    await writeFile(join(root, 'LICENSE'), 'MIT\n');
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('accepts existing files, directories, anchors and leaves external links alone', async () => {
    await writeFile(
      join(root, 'README.md'),
      [
        '# Title',
        '',
        '[saga](docs/saga.md#invariants), [docs](docs/), [licence](LICENSE), [top](#title),',
        '[web](https://example.com/missing), [mail](mailto:someone@example.com)',
      ].join('\n'),
    );
    expect(findBrokenLinks(root, ['README.md'])).toEqual({ checked: 4, broken: [] });
  });

  it('reports a missing file, a missing anchor and a broken image with their lines', async () => {
    await writeFile(
      join(root, 'README.md'),
      [
        '# Title',
        '',
        'See [the saga](docs/saga.md#retries).',
        '',
        '![shot](docs/screenshots/missing.png) and [gone](docs/gone.md) and [here](#nowhere)',
      ].join('\n'),
    );
    expect(findBrokenLinks(root, ['README.md']).broken).toEqual([
      {
        file: 'README.md',
        line: 3,
        href: 'docs/saga.md#retries',
        reason: 'docs/saga.md has no heading with the anchor #retries',
      },
      {
        file: 'README.md',
        line: 5,
        href: 'docs/screenshots/missing.png',
        reason: 'docs/screenshots/missing.png does not exist',
      },
      { file: 'README.md', line: 5, href: 'docs/gone.md', reason: 'docs/gone.md does not exist' },
      {
        file: 'README.md',
        line: 5,
        href: '#nowhere',
        reason: 'README.md has no heading with the anchor #nowhere',
      },
    ]);
  });
});
