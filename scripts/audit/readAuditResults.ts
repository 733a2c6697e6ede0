import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One suite's outcome: `.` for a passed test, `X` for a failed one, in the suite's order. */
export interface SuiteResult {
  suite: string;
  tests: ReadonlyArray<'.' | 'X'>;
}

/**
 * The results an audit run wrote (`results.txt` in its `--cwd`: a suite's id, then a line of
 * `.` and `X`, for every suite, then `---` and the totals).
 */
export async function readAuditResults(runDir: string): Promise<SuiteResult[]> {
  const file = join(runDir, 'results.txt');
  const lines = (await readFile(file, 'utf8')).split('\n');
  const end = lines.indexOf('---');
  // The totals follow an empty line.
  if (end < 1 || lines[end - 1] !== '' || (end - 1) % 2 !== 0) {
    throw new Error(`${file} is not in the audit's results format`);
  }
  const results: SuiteResult[] = [];
  for (let index = 0; index < end - 1; index += 2) {
    const suite = lines[index] ?? '';
    const tests = lines[index + 1] ?? '';
    if (suite === '' || !/^[.X]*$/.test(tests)) {
      throw new Error(`${file}: unexpected line ${index + 2}: ${JSON.stringify(tests)}`);
    }
    results.push({ suite, tests: [...tests] as Array<'.' | 'X'> });
  }
  return results;
}
