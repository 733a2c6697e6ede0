import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { subgraphSdl } from '@play-economy/chassis/schema';
import { printApiSchema } from './printApiSchema.ts';
import type { SupergraphConfig } from '@play-economy/local-stack/supergraph-config';

/** The installed `@apollo/composition`; `federation_version` in rover.yaml pins the same. */
export const COMPOSITION_VERSION: string = (
  createRequire(import.meta.url)('@apollo/composition/package.json') as { version: string }
).version;

/** A composition error or hint, with its code (e.g. `FIELD_TYPE_MISMATCH`). */
export interface CompositionMessage {
  code: string;
  message: string;
}

export type CompositionOutcome =
  | {
      ok: true;
      /** The supergraph SDL, as `rover supergraph compose` prints it. */
      supergraphSdl: string;
      /** The client-facing API schema, sorted and printed by `printApiSchema`. */
      apiSchemaSdl: string;
      /** Each subgraph's published SDL and where rover.yaml has it published. */
      published: { path: string; sdl: string }[];
      hints: CompositionMessage[];
    }
  | { ok: false; errors: CompositionMessage[] };

/**
 * Composes the subgraphs a supergraph config lists with `@apollo/composition`, Rover's own
 * engine, each as it is published: the shared definitions, then its own SDL. Unreadable or
 * unparsable subgraph files are reported like composition errors.
 */
export async function composeSupergraph(config: SupergraphConfig): Promise<CompositionOutcome> {
  const errors: CompositionMessage[] = [];
  const services = [];
  const published = [];
  for (const subgraph of config.subgraphs) {
    let sdl: string;
    try {
      sdl = subgraphSdl(await readFile(subgraph.sourcePath, 'utf8'));
    } catch (error) {
      errors.push({
        code: 'SUBGRAPH_SCHEMA_UNREADABLE',
        message: `[${subgraph.name}] ${(error as Error).message}`,
      });
      continue;
    }
    try {
      services.push({ name: subgraph.name, url: subgraph.routingUrl, typeDefs: parse(sdl) });
      published.push({ path: subgraph.schemaPath, sdl });
    } catch (error) {
      errors.push({
        code: 'INVALID_GRAPHQL',
        message: `[${subgraph.name}] ${(error as Error).message}`,
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const result = composeServices(services);
  if (result.errors) {
    return {
      ok: false,
      errors: result.errors.map((error) => ({
        code: String(error.extensions['code'] ?? 'COMPOSITION_ERROR'),
        message: error.message,
      })),
    };
  }
  return {
    ok: true,
    supergraphSdl: result.supergraphSdl,
    apiSchemaSdl: printApiSchema(result.schema.toAPISchema().toGraphQLJSSchema()),
    published,
    hints: result.hints.map((hint) => ({ code: hint.definition.code, message: hint.message })),
  };
}

/**
 * Why the config's `federation_version` would make Rover compose differently from the
 * installed library, or `undefined` when it pins the same version.
 */
export function federationVersionMismatch(config: SupergraphConfig): string | undefined {
  const expected = `=${COMPOSITION_VERSION}`;
  if (config.federationVersion === expected) return undefined;
  return (
    `federation_version is ${config.federationVersion ?? 'not set'} but @apollo/composition ` +
    `is ${COMPOSITION_VERSION}; set "federation_version: ${expected}" so Rover composes the same`
  );
}
