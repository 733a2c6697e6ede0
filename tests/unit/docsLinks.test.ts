/**
 * Every relative link of the README and of docs/ leads somewhere: the file exists and, for a
 * link into a markdown file, the anchor is one of its headings (as GitHub makes anchors).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findBrokenLinks } from '../../scripts/docs/findBrokenLinks.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

const markdownFiles = [
  'README.md',
  ...readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join('docs', name)),
];

describe('documentation links', () => {
  it('has a docs/ folder with the topics the README points to', () => {
    expect(markdownFiles).toContain(join('docs', 'architecture.md'));
  });

  it('resolves every relative link and anchor of README.md and docs/', () => {
    const { checked, broken } = findBrokenLinks(root, markdownFiles);
    expect(checked).toBeGreaterThan(50);
    expect(broken.map((link) => `${link.file}:${link.line} ${link.href}: ${link.reason}`)).toEqual(
      [],
    );
  });
});
