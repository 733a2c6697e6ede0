import { defineConfig } from '@eddeee888/gcg-typescript-resolver-files';
import { addTypenameBelowRoot } from './scripts/codegen/addTypenameBelowRoot.ts';

/**
 * Typed resolvers for one subgraph: its whole SDL (the shared definitions, then its own
 * `schema.graphql`) in, `src/graphql/` out. Mappers
 * (`<Type>Mapper` exported from `src/graphql/schema.mappers.ts`) tie GraphQL types to domain
 * types, and every resolver receives the subgraph's own `Context`.
 */
function subgraph(name: string) {
  return {
    [`subgraphs/${name}/src/graphql`]: {
      ...defineConfig({
        mode: 'merged',
        importExtension: '.ts',
        mappersRelativeTargetDir: './src/graphql',
        typeDefsFilePath: false,
        scalarsOverrides: { ID: { type: 'string' } },
        resolverGeneration: 'recommended',
        mergeSchema: false,
        typesPluginsConfig: {
          federation: true,
          contextType: './context.ts#Context',
          useTypeImports: true,
          enumsAsTypes: true,
        },
      }),
      schema: ['packages/chassis/src/graphql/common.graphql', `subgraphs/${name}/schema.graphql`],
    },
  };
}

/**
 * The web store's typed documents (client preset) from the operations in `web/src`, against the
 * supergraph, and `persisted-documents.json`: the trusted-documents manifest the router reads
 * (SHA-256 hex of each document → the document). `__typename` is added below every operation's
 * root before hashing, so the documents the router runs by id give urql's cache the typenames
 * it invalidates by.
 */
const webStore = {
  'web/src/gql/': {
    schema: 'schema/supergraph.graphql',
    documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**'],
    preset: 'client',
    presetConfig: {
      persistedDocuments: { hashAlgorithm: 'sha256' },
      fragmentMasking: false,
    },
    documentTransforms: [addTypenameBelowRoot],
    config: {
      useTypeImports: true,
      enumsAsTypes: true,
      scalars: { DateTime: 'string' },
    },
  },
};

const config = {
  generates: {
    ...subgraph('catalog'),
    ...subgraph('identity'),
    ...subgraph('trading'),
    ...subgraph('inventory'),
    ...webStore,
  },
  hooks: { afterAllFileWrite: ['prettier --write'] },
};

export default config;
