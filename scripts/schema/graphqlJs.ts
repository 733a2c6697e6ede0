/**
 * graphql-js, from the build the schema libraries use. `graphql` ships a CommonJS build
 * (`index.js`) and an ES build (`index.mjs`) whose classes fail each other's `instanceof`
 * checks. Node resolves a bare `graphql` to the CommonJS build for everyone, but Vite (under
 * vitest) hands our sources the ES build while `@apollo/composition` and `@graphql-inspector`
 * keep the CommonJS one. Naming the CommonJS entry keeps every schema object in one realm in
 * both.
 */
export { buildSchema, lexicographicSortSchema, parse, printSchema } from 'graphql/index.js';
export type { DocumentNode, GraphQLSchema } from 'graphql/index.js';
