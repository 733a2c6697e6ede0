// `npm run schema:check`: fails CI when the schema workflow was skipped or a change breaks clients.
import { checkSchema } from './schema/checkSchema.ts';
import { repositoryRoot } from './schema/repositoryRoot.ts';
import { schemaFiles } from './schema/schemaFiles.ts';

const report = await checkSchema(schemaFiles(repositoryRoot));
const lines = report.warnings.map((warning) => `⚠ ${warning}`);

for (const problem of report.problems) {
  lines.push(`✖ ${problem.summary}`);
  lines.push(...problem.details.map((detail) => `    - ${detail}`));
  lines.push(`  Fix: ${problem.fix}`);
}
if (report.problems.length === 0) {
  const codegen =
    report.generatedCode === 'absent'
      ? 'no codegen.ts, nothing generated'
      : 'generated code current';
  lines.push(`✔ Schema check passed: supergraph current, ${codegen}, no breaking change.`);
  process.stdout.write(`${lines.join('\n')}\n`);
} else {
  lines.push(`Schema check failed with ${report.problems.length} problem(s).`);
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exitCode = 1;
}
