import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  composeSupergraph,
  federationVersionMismatch,
  type CompositionMessage,
} from './composeSupergraph.ts';
import { diffApiSchemas, type SchemaChange } from './diffApiSchemas.ts';
import { readOptionalFile } from './readOptionalFile.ts';
import { readSupergraphConfig } from '@play-economy/local-stack/supergraph-config';
import type { SchemaFiles } from './schemaFiles.ts';

/** What happened to `schema/baseline.graphql`. */
export type BaselineUpdate =
  | 'created'
  | 'updated'
  | 'unchanged'
  /** Left as it was because the new API schema breaks it; see `breaking`. */
  | 'kept';

export type ComposeReport =
  | { ok: false; errors: CompositionMessage[] }
  | {
      ok: true;
      hints: CompositionMessage[];
      /** Whether `schema/supergraph.graphql` changed. */
      supergraphChanged: boolean;
      /** The subgraph files published for Rover that changed. */
      publishedChanged: string[];
      baseline: BaselineUpdate;
      /** Breaking changes against the baseline; when any, the baseline was kept. */
      breaking: SchemaChange[];
      dangerous: SchemaChange[];
      /** Set when rover.yaml pins a different federation version than the installed one. */
      versionWarning: string | undefined;
    };

/**
 * `npm run compose`: composes the subgraphs rover.yaml lists into `schema/supergraph.graphql`,
 * publishes each subgraph's whole SDL where rover.yaml names it, and refreshes the baseline API
 * schema when the change is not breaking. Writes nothing when composition fails.
 */
export async function composeSchema(files: SchemaFiles): Promise<ComposeReport> {
  const config = await readSupergraphConfig(files.config);
  const outcome = await composeSupergraph(config);
  if (!outcome.ok) return outcome;

  const publishedChanged = [];
  for (const { path, sdl } of outcome.published) {
    if ((await readOptionalFile(path)) === sdl) continue;
    await writeText(path, sdl);
    publishedChanged.push(path);
  }

  const supergraph = `${outcome.supergraphSdl}\n`;
  const supergraphChanged = (await readOptionalFile(files.supergraph)) !== supergraph;
  if (supergraphChanged) await writeText(files.supergraph, supergraph);

  const baseline = await readOptionalFile(files.baseline);
  const changes =
    baseline === undefined ? undefined : await diffApiSchemas(baseline, outcome.apiSchemaSdl);
  let update: BaselineUpdate;
  if (changes && changes.breaking.length > 0) {
    update = 'kept';
  } else if (baseline === outcome.apiSchemaSdl) {
    update = 'unchanged';
  } else {
    update = baseline === undefined ? 'created' : 'updated';
    await writeText(files.baseline, outcome.apiSchemaSdl);
  }
  return {
    ok: true,
    hints: outcome.hints,
    supergraphChanged,
    publishedChanged,
    baseline: update,
    breaking: changes?.breaking ?? [],
    dangerous: changes?.dangerous ?? [],
    versionWarning: federationVersionMismatch(config),
  };
}

async function writeText(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}
