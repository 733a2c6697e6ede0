import { defineConfig } from '@eddeee888/gcg-typescript-resolver-files';

/**
 * Typed resolvers for one subgraph: its `schema.graphql` in, `src/graphql/` out. Mappers
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
      schema: `subgraphs/${name}/schema.graphql`,
    },
  };
}

const config = {
  generates: {
    ...subgraph('catalog'),
    ...subgraph('identity'),
    ...subgraph('trading'),
    ...subgraph('inventory'),
  },
  hooks: { afterAllFileWrite: ['prettier --write'] },
};

export default config;
