import { relative } from 'node:path';
import { checkGeneratedCode, type GeneratedCodeStatus } from './checkGeneratedCode.ts';
import { composeSupergraph, federationVersionMismatch } from './composeSupergraph.ts';
import { describeChange, diffApiSchemas } from './diffApiSchemas.ts';
import { readOptionalFile } from './readOptionalFile.ts';
import { readSupergraphConfig } from '@play-economy/local-stack/supergraph-config';
import type { SchemaFiles } from './schemaFiles.ts';

/** One reason the schema check fails. */
export interface SchemaProblem {
  kind:
    | 'composition'
    | 'federation-version'
    | 'stale-supergraph'
    | 'stale-generated-code'
    | 'missing-baseline'
    | 'breaking-changes'
    | 'stale-baseline';
  /** What is wrong, in one sentence. */
  summary: string;
  /** The items behind it: composition errors, breaking changes, codegen output. */
  details: string[];
  /** The command (or edit) that fixes it. */
  fix: string;
}

export interface SchemaCheckReport {
  problems: SchemaProblem[];
  /** Whether generated code was checked (`absent`: no `codegen.ts`, or composition failed). */
  generatedCode: GeneratedCodeStatus['state'];
  /** Worth reading, never failing: dangerous changes, composition hints. */
  warnings: string[];
}

export interface CheckSchemaOptions {
  /** Checks generated code; by default runs `graphql-codegen --check` when `codegen.ts` exists. */
  checkGeneratedCode?: (files: SchemaFiles) => Promise<GeneratedCodeStatus>;
}

const ACCEPT =
  'if the break is intended: npm run schema:accept -- --reason "<why clients must change>"';

/**
 * `npm run schema:check`, run in CI: composition succeeds, the checked-in supergraph is what
 * composition produces now, generated code is current, and the API schema has no breaking change
 * against the checked-in baseline (accepting one updates the baseline).
 */
export async function checkSchema(
  files: SchemaFiles,
  options: CheckSchemaOptions = {},
): Promise<SchemaCheckReport> {
  const problems: SchemaProblem[] = [];
  const warnings: string[] = [];
  const name = (path: string) => relative(files.root, path);

  const config = await readSupergraphConfig(files.config);
  const versionMismatch = federationVersionMismatch(config);
  if (versionMismatch) {
    problems.push({
      kind: 'federation-version',
      summary: `${name(files.config)}: ${versionMismatch}.`,
      details: [],
      fix: `edit ${name(files.config)}`,
    });
  }

  const outcome = await composeSupergraph(config);
  if (!outcome.ok) {
    problems.push({
      kind: 'composition',
      summary: `The subgraphs in ${name(files.config)} do not compose.`,
      details: outcome.errors.map(({ code, message }) => `[${code}] ${message}`),
      fix: 'fix the subgraph schemas, then run npm run compose',
    });
    return { problems, warnings, generatedCode: 'absent' };
  }
  warnings.push(
    ...outcome.hints.map(({ code, message }) => `composition hint [${code}] ${message}`),
  );

  const supergraph = await readOptionalFile(files.supergraph);
  if (supergraph?.trimEnd() !== outcome.supergraphSdl.trimEnd()) {
    problems.push({
      kind: 'stale-supergraph',
      summary:
        supergraph === undefined
          ? `${name(files.supergraph)} is missing.`
          : `${name(files.supergraph)} is not what the subgraph schemas compose to now.`,
      details: [],
      fix: 'npm run compose',
    });
  }

  const generated = await (options.checkGeneratedCode ?? checkGeneratedCode)(files);
  if (generated.state === 'stale') {
    problems.push({
      kind: 'stale-generated-code',
      summary: 'Generated code is out of date with the schemas.',
      details: generated.output === '' ? [] : generated.output.split('\n'),
      fix: 'npm run codegen',
    });
  }

  const baseline = await readOptionalFile(files.baseline);
  if (baseline === undefined) {
    problems.push({
      kind: 'missing-baseline',
      summary: `${name(files.baseline)} is missing.`,
      details: [],
      fix: 'npm run compose',
    });
    return { problems, warnings, generatedCode: generated.state };
  }
  const changes = await diffApiSchemas(baseline, outcome.apiSchemaSdl);
  warnings.push(
    ...changes.dangerous.map((change) => `dangerous change: ${describeChange(change)}`),
  );
  if (changes.breaking.length > 0) {
    problems.push({
      kind: 'breaking-changes',
      summary: `The API schema has ${changes.breaking.length} breaking change(s) against ${name(files.baseline)}.`,
      details: changes.breaking.map(describeChange),
      fix: `restore compatibility, or ${ACCEPT}`,
    });
  } else if (baseline !== outcome.apiSchemaSdl) {
    problems.push({
      kind: 'stale-baseline',
      summary: `${name(files.baseline)} is behind the API schema (the changes are not breaking).`,
      details: [...changes.safe, ...changes.dangerous].map(describeChange),
      fix: 'npm run compose',
    });
  }
  return { problems, warnings, generatedCode: generated.state };
}
