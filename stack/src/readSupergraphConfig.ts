import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** One subgraph of a Rover supergraph config. */
export interface SubgraphConfig {
  name: string;
  /** Where the router reaches the subgraph (`routing_url`). */
  routingUrl: string;
  /**
   * Absolute path of its published SDL (`schema.file`, relative to the config file), which
   * `npm run compose` writes and Rover reads: the shared definitions, then its own SDL.
   */
  schemaPath: string;
  /** Absolute path of its own SDL, the one edited: `subgraphs/<name>/schema.graphql`. */
  sourcePath: string;
}

/** A Rover supergraph config (`rover supergraph compose --config`), file sources only. */
export interface SupergraphConfig {
  /** Absolute path of the config file. */
  path: string;
  /** `federation_version` as written, e.g. `=2.14.4`. */
  federationVersion: string | undefined;
  subgraphs: SubgraphConfig[];
}

/**
 * Reads a supergraph config in Rover's format:
 *
 * ```yaml
 * federation_version: =2.14.4
 * subgraphs:
 *   catalog:
 *     routing_url: http://localhost:4001/graphql
 *     schema:
 *       file: ./schema/subgraphs/catalog.graphql
 * ```
 *
 * Only `schema.file` sources are supported (the repository is the source of truth for SDL);
 * anything else throws with the offending subgraph named. Each subgraph's own SDL is found by
 * convention in `subgraphs/<name>/schema.graphql` beside the config.
 */
export async function readSupergraphConfig(path: string): Promise<SupergraphConfig> {
  const absolute = resolve(path);
  const document: unknown = parseYaml(await readFile(absolute, 'utf8'));
  const fail = (problem: string): never => {
    throw new Error(`${path}: ${problem}`);
  };
  if (!isRecord(document)) return fail('expected a mapping at the top level');
  const federationVersion = document['federation_version'];
  if (federationVersion !== undefined && typeof federationVersion !== 'string') {
    return fail('federation_version must be a string such as "=2.14.4"');
  }
  const subgraphs = document['subgraphs'];
  if (!isRecord(subgraphs) || Object.keys(subgraphs).length === 0) {
    return fail('subgraphs must map at least one subgraph name to its config');
  }
  return {
    path: absolute,
    federationVersion,
    subgraphs: Object.entries(subgraphs).map(([name, entry]) => {
      const routingUrl = isRecord(entry) ? entry['routing_url'] : undefined;
      const schema = isRecord(entry) ? entry['schema'] : undefined;
      const file = isRecord(schema) ? schema['file'] : undefined;
      if (typeof routingUrl !== 'string') return fail(`subgraph ${name} needs a routing_url`);
      if (typeof file !== 'string') {
        return fail(`subgraph ${name} needs schema.file (other schema sources are not supported)`);
      }
      const schemaPath = resolve(dirname(absolute), file);
      const sourcePath = resolve(dirname(absolute), 'subgraphs', name, 'schema.graphql');
      if (schemaPath === sourcePath) {
        return fail(
          `subgraph ${name}: schema.file is where its whole SDL is published (e.g. ./schema/subgraphs/${name}.graphql), not its own subgraphs/${name}/schema.graphql`,
        );
      }
      return { name, routingUrl, schemaPath, sourcePath };
    }),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
