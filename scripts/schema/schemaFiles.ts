import { join } from 'node:path';

/** Where the schema workflow reads and writes, for a repository (or a copy of one in tests). */
export interface SchemaFiles {
  /** The repository root: commands run here and messages name files relative to it. */
  root: string;
  /** `rover.yaml`: the list of subgraphs. */
  config: string;
  /** `schema/supergraph.graphql`: the composed supergraph, checked in. */
  supergraph: string;
  /** `schema/baseline.graphql`: the client-facing API schema breaking changes are judged against. */
  baseline: string;
  /** `schema/CHANGELOG.md`: accepted breaking changes with date and reason. */
  changelog: string;
  /** `codegen.ts`: GraphQL Code Generator config; absent means no generated code to check. */
  codegen: string;
}

export function schemaFiles(root: string): SchemaFiles {
  return {
    root,
    config: join(root, 'rover.yaml'),
    supergraph: join(root, 'schema', 'supergraph.graphql'),
    baseline: join(root, 'schema', 'baseline.graphql'),
    changelog: join(root, 'schema', 'CHANGELOG.md'),
    codegen: join(root, 'codegen.ts'),
  };
}
