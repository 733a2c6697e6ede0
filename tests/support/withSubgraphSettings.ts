import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const subgraphConfigSource = fileURLToPath(
  new URL('../../packages/chassis/src/config/subgraphConfig.ts', import.meta.url),
);

/**
 * The text of a service's config module, with what a call of the chassis's
 * `subgraphConfig('<name>', <port>, …)` reads spelled out: the shared groups and `<NAME>_PORT`,
 * `<NAME>_HOST`, `<NAME>_DATABASE`. Static checks then read it like a config that lists them
 * itself.
 */
export function withSubgraphSettings(config: string): string {
  const call = /subgraphConfig\(\s*'([\w-]+)'\s*,\s*(\d+)/.exec(config);
  if (!call) return config;
  const declared = readFileSync(subgraphConfigSource, 'utf8');
  const groups = [...declared.matchAll(/\.\.\.(\w+Config)\b/g)].map(([, group]) => `...${group}`);
  const prefix = call[1]!.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  return [
    config,
    ...groups,
    `${prefix}_PORT: port(${call[2]})`,
    `${prefix}_HOST:`,
    `${prefix}_DATABASE:`,
  ].join('\n');
}
