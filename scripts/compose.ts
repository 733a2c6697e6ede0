// `npm run compose`: rover.yaml → schema/supergraph.graphql (+ baseline when not breaking).
import { relative } from 'node:path';
import { composeSchema } from './schema/composeSchema.ts';
import { describeChange } from './schema/diffApiSchemas.ts';
import { repositoryRoot } from './schema/repositoryRoot.ts';
import { schemaFiles } from './schema/schemaFiles.ts';

const files = schemaFiles(repositoryRoot);
const name = (path: string) => relative(files.root, path);
const report = await composeSchema(files);
const lines: string[] = [];

if (!report.ok) {
  lines.push(`✖ Composition failed with ${report.errors.length} error(s):`);
  lines.push(...report.errors.map(({ code, message }) => `  [${code}] ${message}`));
  lines.push(`Nothing was written. Fix the subgraph schemas listed in ${name(files.config)}.`);
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(1);
}

if (report.versionWarning) lines.push(`⚠ ${name(files.config)}: ${report.versionWarning}`);
lines.push(...report.hints.map(({ code, message }) => `hint [${code}] ${message}`));
lines.push(...report.publishedChanged.map((path) => `✔ Wrote ${name(path)}`));
lines.push(
  report.supergraphChanged
    ? `✔ Wrote ${name(files.supergraph)}`
    : `✔ ${name(files.supergraph)} is up to date`,
);
lines.push(...report.dangerous.map((change) => `⚠ dangerous change: ${describeChange(change)}`));
switch (report.baseline) {
  case 'created':
  case 'updated':
    lines.push(
      `✔ ${report.baseline === 'created' ? 'Created' : 'Updated'} ${name(files.baseline)}`,
    );
    break;
  case 'unchanged':
    lines.push(`✔ ${name(files.baseline)} is up to date`);
    break;
  case 'kept':
    lines.push(
      `✖ ${name(files.baseline)} left unchanged: the API schema has ${report.breaking.length} breaking change(s):`,
      ...report.breaking.map((change) => `  - ${describeChange(change)}`),
      '  Restore compatibility, or accept them: npm run schema:accept -- --reason "<why clients must change>"',
    );
    break;
}
process.stdout.write(`${lines.join('\n')}\n`);
