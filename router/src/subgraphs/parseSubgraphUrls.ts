/**
 * Parses subgraph routing URL overrides written as `name=url,name=url` (the `SUBGRAPH_URLS`
 * setting). Like Apollo Router's `override_subgraph_url`, they replace the URLs recorded in the
 * supergraph at compose time, which point at localhost while containers reach each other by
 * service name.
 *
 * Whitespace around entries is ignored and an empty string means no overrides. A malformed
 * entry, a URL that is not http(s) or a name given twice throws, naming the entry.
 */
export function parseSubgraphUrls(value: string): Record<string, string> {
  const overrides: Record<string, string> = {};
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    const separator = entry.indexOf('=');
    const name = entry.slice(0, separator).trim();
    const url = entry.slice(separator + 1).trim();
    if (separator <= 0 || name === '' || url === '') {
      throw new Error(`"${entry}" is not of the form name=url`);
    }
    if (/\s/.test(name)) {
      throw new Error(`"${name}" is not a subgraph name`);
    }
    if (!isHttpUrl(url)) {
      throw new Error(`the URL of subgraph "${name}" is not an http(s) URL: "${url}"`);
    }
    if (Object.hasOwn(overrides, name)) {
      throw new Error(`subgraph "${name}" is given more than once`);
    }
    overrides[name] = url;
  }
  return overrides;
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
