import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAuditResults } from '../../audit/readAuditResults.ts';

describe('readAuditResults', () => {
  let runDir: string;
  const results = (text: string) => writeFile(join(runDir, 'results.txt'), text);

  beforeEach(async () => {
    runDir = await mkdtemp(join(tmpdir(), 'audit-run-'));
  });

  afterEach(async () => {
    await rm(runDir, { recursive: true, force: true });
  });

  it("reads every suite's tests from the audit's results.txt", async () => {
    await results(
      'abstract-types\n...\nempty-suite\n\nkeys-mashup\nX.\n\n---\nTotal: 5\nPassed: 4\nFailed: 1',
    );
    expect(await readAuditResults(runDir)).toEqual([
      { suite: 'abstract-types', tests: ['.', '.', '.'] },
      { suite: 'empty-suite', tests: [] },
      { suite: 'keys-mashup', tests: ['X', '.'] },
    ]);
  });

  it('refuses a file in another format', async () => {
    await results('abstract-types\n...\nTotal: 3');
    await expect(readAuditResults(runDir)).rejects.toThrow(/not in the audit's results format/);
  });

  it('fails when the run wrote no results', async () => {
    await expect(readAuditResults(runDir)).rejects.toThrow(/ENOENT/);
  });
});
