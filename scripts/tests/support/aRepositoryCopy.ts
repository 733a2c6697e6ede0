import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMPOSITION_VERSION } from '../../schema/composeSupergraph.ts';
import { schemaFiles, type SchemaFiles } from '../../schema/schemaFiles.ts';

/** A small catalog subgraph, shaped like the real one. */
export const CATALOG_SDL = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable"])

"An item in the store."
type Item @key(fields: "id") {
  id: ID!
  name: String!
  "Price of one unit in gil."
  price: Int!
}

type ItemConnection {
  edges: [Item!]!
  totalCount: Int!
}

type Query {
  items(first: Int = 20, after: String, search: String): ItemConnection!
  item(id: ID!): Item
}
`;

/** A second subgraph extending `Item`, to make composition errors possible. */
export const INVENTORY_SDL = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])

type Item @key(fields: "id") {
  id: ID!
  ownedQuantity: Int!
}
`;

export interface RepositoryCopy {
  files: SchemaFiles;
  /** Rewrites a subgraph's schema file. */
  writeSubgraph(name: string, sdl: string): Promise<void>;
  /** Applies `edit` to a subgraph's schema file. */
  editSubgraph(name: string, edit: (sdl: string) => string): Promise<void>;
  writeConfig(options?: { federationVersion?: string; catalogUrl?: string }): Promise<void>;
  read(path: string): Promise<string>;
  remove(): Promise<void>;
}

/**
 * A throwaway repository with rover.yaml, catalog and inventory subgraph schemas, and an empty
 * `schema/` folder, for running the schema workflow on.
 */
export async function aRepositoryCopy(): Promise<RepositoryCopy> {
  const root = await mkdtemp(join(tmpdir(), 'schema-workflow-'));
  const files = schemaFiles(root);
  const schemaPath = (name: string) => join(root, 'subgraphs', name, 'schema.graphql');
  const copy: RepositoryCopy = {
    files,
    writeSubgraph: async (name, sdl) => {
      await mkdir(join(root, 'subgraphs', name), { recursive: true });
      await writeFile(schemaPath(name), sdl);
    },
    editSubgraph: async (name, edit) => {
      await writeFile(schemaPath(name), edit(await readFile(schemaPath(name), 'utf8')));
    },
    writeConfig: async ({
      federationVersion = `=${COMPOSITION_VERSION}`,
      catalogUrl = 'http://localhost:4001/graphql',
    } = {}) => {
      await writeFile(
        files.config,
        [
          `federation_version: ${federationVersion}`,
          'subgraphs:',
          '  catalog:',
          `    routing_url: ${catalogUrl}`,
          '    schema:',
          '      file: ./schema/subgraphs/catalog.graphql',
          '  inventory:',
          '    routing_url: http://localhost:4003/graphql',
          '    schema:',
          '      file: ./schema/subgraphs/inventory.graphql',
          '',
        ].join('\n'),
      );
    },
    read: (path) => readFile(path, 'utf8'),
    remove: () => rm(root, { recursive: true, force: true }),
  };
  await copy.writeSubgraph('catalog', CATALOG_SDL);
  await copy.writeSubgraph('inventory', INVENTORY_SDL);
  await copy.writeConfig();
  return copy;
}
