import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

/**
 * Prints a schema with types, fields, arguments and values sorted by name, so the text only
 * changes when the schema does, whatever order subgraphs declare things in.
 */
export function printApiSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
