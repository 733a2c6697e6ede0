import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import MarkdownIt, { type Token } from 'markdown-it';

/** A relative link of a markdown file that leads nowhere. */
export interface BrokenLink {
  /** The markdown file, relative to the root given to {@link findBrokenLinks}. */
  file: string;
  /** 1-based line of the link. */
  line: number;
  /** The link as written. */
  href: string;
  reason: string;
}

/** What {@link findBrokenLinks} looked at, so a caller can tell it did check something. */
export interface LinkReport {
  checked: number;
  broken: BrokenLink[];
}

const markdown = new MarkdownIt({ html: true });

/** `http:`, `mailto:` and the like, or a protocol-relative `//host`: not checked (no network). */
const isExternal = (href: string) => /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//');

/** The text of a heading as GitHub slugs it: its inline content without the markup. */
function headingText(inline: Token): string {
  return (inline.children ?? [])
    .filter((child) => child.type === 'text' || child.type === 'code_inline')
    .map((child) => child.content)
    .join('');
}

/** The anchors GitHub gives a markdown file's headings (duplicates get `-1`, `-2`, ...). */
export function anchorsOf(source: string): Set<string> {
  const slugger = new GithubSlugger();
  const tokens = markdown.parse(source, {});
  const anchors = new Set<string>();
  tokens.forEach((token, index) => {
    const inline = tokens[index + 1];
    if (token.type === 'heading_open' && inline) anchors.add(slugger.slug(headingText(inline)));
  });
  return anchors;
}

interface Link {
  href: string;
  line: number;
}

function linksOf(source: string): Link[] {
  const links: Link[] = [];
  // Inline tokens of table cells carry no line map: take the line of the block around them.
  let line = 1;
  for (const block of markdown.parse(source, {})) {
    if (block.map) line = block.map[0] + 1;
    if (block.type !== 'inline' || !block.children) continue;
    for (const child of block.children) {
      const href =
        child.type === 'link_open'
          ? child.attrGet('href')
          : child.type === 'image'
            ? child.attrGet('src')
            : null;
      if (href !== null) links.push({ href: String(href), line });
    }
  }
  return links;
}

/**
 * Checks every relative link and image of the given markdown files: the file or directory it
 * names exists, and a `#anchor` into a markdown file matches one of its headings. External
 * links are left alone.
 */
export function findBrokenLinks(root: string, files: readonly string[]): LinkReport {
  const anchorCache = new Map<string, Set<string>>();
  const anchorsOfFile = (path: string) => {
    let anchors = anchorCache.get(path);
    if (!anchors) {
      anchors = anchorsOf(readFileSync(path, 'utf8'));
      anchorCache.set(path, anchors);
    }
    return anchors;
  };

  const broken: BrokenLink[] = [];
  let checked = 0;
  for (const file of files) {
    const path = resolve(root, file);
    for (const { href, line } of linksOf(readFileSync(path, 'utf8'))) {
      if (isExternal(href)) continue;
      checked += 1;
      const report = (reason: string) =>
        broken.push({ file: relative(root, path), line, href, reason });
      const hashAt = href.indexOf('#');
      const target = decodeURIComponent(hashAt === -1 ? href : href.slice(0, hashAt));
      const anchor = hashAt === -1 ? '' : decodeURIComponent(href.slice(hashAt + 1));
      const targetPath = target === '' ? path : join(dirname(path), target);
      if (!existsSync(targetPath)) {
        report(`${relative(root, targetPath)} does not exist`);
        continue;
      }
      if (anchor === '' || !targetPath.endsWith('.md') || statSync(targetPath).isDirectory()) {
        continue;
      }
      if (!anchorsOfFile(targetPath).has(anchor)) {
        report(`${relative(root, targetPath)} has no heading with the anchor #${anchor}`);
      }
    }
  }
  return { checked, broken };
}
