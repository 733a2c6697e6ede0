import { writeFile } from 'node:fs/promises';
import { format, resolveConfig } from 'prettier';
import { composeSupergraph, type CompositionMessage } from './composeSupergraph.ts';
import { describeChange, diffApiSchemas, type SchemaChange } from './diffApiSchemas.ts';
import { readOptionalFile } from './readOptionalFile.ts';
import { readSupergraphConfig } from '@play-economy/local-stack/supergraph-config';
import type { SchemaFiles } from './schemaFiles.ts';

export interface AcceptOptions {
  /** Why clients must change; recorded in the changelog. */
  reason: string;
  /** The day recorded in the changelog. Default: today. */
  date?: Date;
}

export type AcceptReport =
  { ok: false; errors: CompositionMessage[] } | { ok: true; accepted: SchemaChange[] };

const CHANGELOG_HEADER = `# Schema changelog

Breaking changes of the public API schema, accepted with \`npm run schema:accept\`. Each entry
is the day it was accepted, why, and what clients had to change.
`;

/**
 * `npm run schema:accept -- --reason "..."`: makes the current API schema the baseline and
 * records its breaking changes, with the date and reason, in `schema/CHANGELOG.md`. Does
 * nothing when there is no breaking change to accept.
 */
export async function acceptSchemaChanges(
  files: SchemaFiles,
  { reason, date = new Date() }: AcceptOptions,
): Promise<AcceptReport> {
  if (reason.trim() === '') throw new Error('a reason is required');
  const outcome = await composeSupergraph(await readSupergraphConfig(files.config));
  if (!outcome.ok) return outcome;

  const baseline = await readOptionalFile(files.baseline);
  const accepted =
    baseline === undefined ? [] : (await diffApiSchemas(baseline, outcome.apiSchemaSdl)).breaking;
  if (accepted.length === 0) return { ok: true, accepted };

  await writeFile(files.baseline, outcome.apiSchemaSdl);
  const existing = (await readOptionalFile(files.changelog)) ?? CHANGELOG_HEADER;
  const entry = [
    `## ${date.toISOString().slice(0, 10)}: ${reason.trim().replace(/\s+/g, ' ')}`,
    '',
    ...accepted.map((change) => `- ${describeChange(change)}`),
  ].join('\n');
  // Prettier checks the repository, so write the changelog the way it would.
  const prettierConfig = (await resolveConfig(files.changelog)) ?? {};
  const formatted = await format(`${existing.trimEnd()}\n\n${entry}\n`, {
    ...prettierConfig,
    parser: 'markdown',
  });
  await writeFile(files.changelog, formatted);
  return { ok: true, accepted };
}
