// `npm run schema:accept -- --reason "..."`: accept the current breaking changes on purpose.
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { acceptSchemaChanges } from './schema/acceptSchemaChanges.ts';
import { describeChange } from './schema/diffApiSchemas.ts';
import { repositoryRoot } from './schema/repositoryRoot.ts';
import { schemaFiles } from './schema/schemaFiles.ts';

const { values } = parseArgs({ options: { reason: { type: 'string' } } });
const reason = values.reason?.trim();
if (!reason) {
  process.stderr.write(
    'Usage: npm run schema:accept -- --reason "<why clients must change>"\n' +
      'The reason is recorded with the accepted changes in schema/CHANGELOG.md.\n',
  );
  process.exit(1);
}

const files = schemaFiles(repositoryRoot);
const name = (path: string) => relative(files.root, path);
const report = await acceptSchemaChanges(files, { reason });
if (!report.ok) {
  process.stderr.write(
    [
      `✖ Composition failed with ${report.errors.length} error(s); nothing to accept:`,
      ...report.errors.map(({ code, message }) => `  [${code}] ${message}`),
    ].join('\n') + '\n',
  );
  process.exit(1);
}
if (report.accepted.length === 0) {
  process.stdout.write(
    `No breaking change against ${name(files.baseline)}; nothing to accept. ` +
      `npm run compose refreshes the baseline for other changes.\n`,
  );
} else {
  process.stdout.write(
    [
      `✔ Accepted ${report.accepted.length} breaking change(s); updated ${name(files.baseline)} and ${name(files.changelog)}:`,
      ...report.accepted.map((change) => `  - ${describeChange(change)}`),
      `Run npm run compose if ${name(files.supergraph)} is not current yet.`,
    ].join('\n') + '\n',
  );
}
