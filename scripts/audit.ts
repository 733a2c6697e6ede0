/**
 * `npm run audit`: The Guild's Federation gateway compatibility audit (46 supergraphs, 199
 * queries) against this repository's router, `router/src/main.ts`, started on each suite's
 * supergraph as the audit starts any gateway.
 *
 *   npm run audit [-- --min <passed>]
 *
 * Prints each suite's result, every failed test with its query and diff, and then, last,
 * `audit: N passed, M failed`. Exits 1 when fewer than `--min` tests passed, or when the audit
 * could not be installed or run; without `--min`, a run that finished exits 0.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { federationAuditCache } from './audit/federationAuditCache.ts';
import { installFederationAudit } from './audit/installFederationAudit.ts';
import { locateFederationAudit } from './audit/locateFederationAudit.ts';
import { parseTapFailures } from './audit/parseTapFailures.ts';
import { pinnedFederationAudit } from './audit/pinnedFederationAudit.ts';
import type { SuiteResult } from './audit/readAuditResults.ts';
import { runFederationAudit } from './audit/runFederationAudit.ts';
import { repositoryRoot } from './schema/repositoryRoot.ts';

/** A bound on the whole run, which takes 2.5 to 4 minutes on the build machines. */
const TIMEOUT_MS = 15 * 60_000;
const { installDir, runDir, cloneDir } = federationAuditCache;
const shown = (path: string): string => relative(repositoryRoot, path) || '.';
const write = (text: string): boolean => process.stdout.write(`${text}\n`);

const min = parseMin();
const started = Date.now();
let runStarted = started;
let results: SuiteResult[];
try {
  const source = await locateFederationAudit({
    root: repositoryRoot,
    env: process.env,
    cloneDir,
  });
  const installation = await installFederationAudit({
    sourceDir: source.dir,
    dir: installDir,
    toolchainDir: join(repositoryRoot, 'scripts/audit/toolchain'),
    onInstall: () => write(`Installing the federation audit in ${shown(installDir)}`),
  });
  runStarted = Date.now();
  if (runStarted - started > 1000) write(`Installed in ${seconds(runStarted - started)}`);
  write(
    `Federation audit ${pinnedFederationAudit.commit.slice(0, 7)} (from ${source.origin}) against router/src/main.ts`,
  );
  results = await runFederationAudit({
    installation,
    runScript: join(repositoryRoot, 'scripts/audit/runRouter.sh'),
    runDir,
    routerNode: process.execPath,
    timeoutMs: TIMEOUT_MS,
    onSuite: ({ suite, tests }) => {
      const passed = tests.filter((test) => test === '.').length;
      const mark = tests.length > 0 && passed === tests.length ? '✔' : '✖';
      write(`  ${mark} ${suite.padEnd(38)} ${String(passed).padStart(2)}/${tests.length}`);
    },
  });
} catch (error) {
  process.stderr.write(`audit: the federation audit could not run: ${messageOf(error)}\n`);
  process.exit(1);
}

const failures = await failedTests(results);
if (failures.length > 0) write(`\nFailed tests (logs in ${shown(join(runDir, 'logs'))}):`);
for (const { name, error } of failures) {
  write(`\n✖ ${name}\n${error.replace(/^/gm, '    ')}`);
}
for (const { suite } of results.filter(({ tests }) => tests.length === 0)) {
  write(`\n✖ ${suite}: no test ran (see ${shown(join(runDir, 'logs', `${suite}-tests.log`))})`);
}

const all = results.flatMap(({ tests }) => tests);
const passed = all.filter((test) => test === '.').length;
write(`\n${results.length} suites in ${seconds(Date.now() - runStarted)}`);
if (min !== undefined && passed < min) {
  write(`Fewer tests passed than the ${min} required (--min ${min}).`);
  process.exitCode = 1;
} else if (min !== undefined && passed > min) {
  write(`More tests passed than the ${min} required: raise --min in package.json's test script.`);
}
write(`audit: ${passed} passed, ${all.length - passed} failed`);

/** Failed tests named `<suite> #<index>`, with the query and diff the suite's TAP log gives. */
async function failedTests(suites: readonly SuiteResult[]) {
  const failed: Array<{ name: string; error: string }> = [];
  for (const { suite, tests } of suites) {
    if (!tests.includes('X')) continue;
    const log = join(runDir, 'logs', `${suite}-tests.log`);
    const reported = parseTapFailures(await readFile(log, 'utf8').catch(() => ''));
    tests.forEach((test, index) => {
      if (test !== 'X') return;
      const failure = reported.find(({ name }) => name === `${suite}_${index}`);
      failed.push({
        name: `${suite} #${index}`,
        // The assertion's message ends with Node's own diff of the same values: one is enough.
        error: failure?.error.split('\n+ actual - expected')[0] ?? `(not found in ${shown(log)})`,
      });
    });
  }
  return failed;
}

function parseMin(): number | undefined {
  try {
    const { values } = parseArgs({ options: { min: { type: 'string' } } });
    if (values.min === undefined) return undefined;
    const value = Number(values.min);
    if (!Number.isInteger(value) || value < 0) throw new Error('--min takes a count of tests');
    return value;
  } catch (error) {
    process.stderr.write(`${messageOf(error)}\nusage: npm run audit [-- --min <passed>]\n`);
    process.exit(1);
  }
}

function seconds(ms: number): string {
  const total = Math.round(ms / 1000);
  return total < 60 ? `${total} s` : `${Math.floor(total / 60)} min ${total % 60} s`;
}

function messageOf(error: unknown): string {
  const messages: string[] = [];
  for (let cause = error; cause !== undefined; cause = (cause as Error).cause) {
    messages.push(cause instanceof Error ? cause.message : String(cause));
    if (!(cause instanceof Error)) break;
  }
  return messages.join(': ');
}
