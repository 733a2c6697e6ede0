import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export interface TestSubgraphDefinition {
  name: string;
  url: string;
  sdl: string;
}

/** Composes subgraph SDLs the way `rover supergraph compose` does; throws on composition errors. */
export function composeSupergraph(subgraphs: readonly TestSubgraphDefinition[]): string {
  const result = composeServices(
    subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })),
  );
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  }
  return result.supergraphSdl;
}
