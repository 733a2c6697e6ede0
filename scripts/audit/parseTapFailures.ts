/** A failed test in a TAP report: its name and the error the report gives for it. */
export interface TapFailure {
  name: string;
  error: string;
}

/**
 * The failed tests of a TAP report as Node's test runner writes it (`not ok N - name`, then a
 * YAML block whose `error` is the assertion message). Suites, whose error only counts their
 * failed subtests, are left out.
 */
export function parseTapFailures(tap: string): TapFailure[] {
  const lines = tap.split('\n');
  const failures: TapFailure[] = [];
  for (let index = 0; index < lines.length; index++) {
    const failed = /^(\s*)not ok \d+ - (.*)$/.exec(lines[index] ?? '');
    if (!failed) continue;
    const block = yamlBlockAfter(lines, index, failed[1]?.length ?? 0);
    if (/^\s*type: 'suite'$/m.test(block.join('\n'))) continue;
    failures.push({ name: failed[2] ?? '', error: errorOf(block) });
  }
  return failures;
}

/** The lines between `---` and `...` right after line `index`, deeper than `indent`. */
function yamlBlockAfter(lines: readonly string[], index: number, indent: number): string[] {
  const start = lines[index + 1] ?? '';
  if (start.trim() !== '---' || indentOf(start) <= indent) return [];
  const block: string[] = [];
  for (let line = index + 2; line < lines.length; line++) {
    const text = lines[line] ?? '';
    if (text.trim() === '...' && indentOf(text) === indentOf(start)) break;
    block.push(text);
  }
  return block;
}

/** The `error` value: a literal block (`|-`), or a one-line scalar, quoted or not. */
function errorOf(block: readonly string[]): string {
  const at = block.findIndex((line) => /^\s*error:/.test(line));
  if (at === -1) return '(the report gives no error)';
  const key = block[at] ?? '';
  const value = key.slice(key.indexOf('error:') + 'error:'.length).trim();
  if (!/^[|>][-+]?$/.test(value)) {
    return value.startsWith("'") && value.endsWith("'")
      ? value.slice(1, -1).replaceAll("''", "'")
      : value;
  }
  const keyIndent = indentOf(key);
  const body: string[] = [];
  for (const line of block.slice(at + 1)) {
    if (line.trim() !== '' && indentOf(line) <= keyIndent) break;
    body.push(line);
  }
  const bodyIndent = Math.min(...body.filter((line) => line.trim() !== '').map(indentOf));
  return body
    .map((line) => line.slice(bodyIndent))
    .join('\n')
    .trimEnd();
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}
