import { readFileSync } from 'node:fs';

/** `common.graphql`: the definitions every subgraph's schema shares. */
export const COMMON_SDL_PATH = new URL('./common.graphql', import.meta.url);

const commonSdl = readFileSync(COMMON_SDL_PATH, 'utf8');

/**
 * A subgraph's whole SDL, as it is served, composed and published: the shared definitions, then
 * the subgraph's own `schema.graphql`.
 */
export function subgraphSdl(ownSdl: string): string {
  return `${commonSdl}\n${ownSdl}`;
}
