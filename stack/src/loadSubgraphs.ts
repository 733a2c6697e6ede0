import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SubgraphDefinition } from '@play-economy/chassis';
import { readSupergraphConfig, type SubgraphConfig } from './readSupergraphConfig.ts';

/** `rover.yaml` at the repository's root: the one list of subgraphs. */
export const ROVER_CONFIG = fileURLToPath(new URL('../../rover.yaml', import.meta.url));

/** A subgraph of `rover.yaml`, with the folder it lives in (where its schema file is). */
export interface ListedSubgraph extends SubgraphConfig {
  /** Absolute path of the subgraph's folder (`subgraphs/<name>`). */
  folder: string;
  /** Its entry point for a process of its own, relative to the repository root. */
  main: string;
}

/** The subgraphs `rover.yaml` lists, in its order. */
export async function listSubgraphs(config = ROVER_CONFIG): Promise<ListedSubgraph[]> {
  const { subgraphs } = await readSupergraphConfig(config);
  const root = dirname(config);
  return subgraphs.map((subgraph) => {
    const folder = dirname(subgraph.sourcePath);
    return { ...subgraph, folder, main: join(folder, 'src/main.ts').slice(root.length + 1) };
  });
}

/**
 * The definition a listed subgraph exports as `subgraph` from `src/server.ts` (its package's
 * entry point), checked to carry the name `rover.yaml` gives it.
 */
export async function loadSubgraph(listed: ListedSubgraph): Promise<SubgraphDefinition> {
  const entry = pathToFileURL(join(listed.folder, 'src/server.ts')).href;
  const module = (await import(entry)) as { subgraph?: SubgraphDefinition };
  if (module.subgraph?.name !== listed.name) {
    throw new Error(
      `${entry} must export \`subgraph\`, the definition of the subgraph rover.yaml names ${listed.name}`,
    );
  }
  return module.subgraph;
}
