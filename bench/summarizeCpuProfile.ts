import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The parts of a V8 `.cpuprofile` (what `node --cpu-prof` writes) read here. */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }[];
  /** The node on top of the stack at each sample. */
  samples: number[];
  /** Microseconds from the previous sample (the first: from the profile's start). */
  timeDeltas: number[];
}

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The `top` functions of a CPU profile by self time (time on top of the stack), summed over
 * every call site of the same function, as a markdown table; shares are of the time the thread
 * was busy (everything but `(idle)`).
 */
export async function summarizeCpuProfile(path: string, top = 15): Promise<string> {
  const profile = JSON.parse(await readFile(path, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<string, number>();
  let busyUs = 0;
  profile.samples.forEach((id, index) => {
    // A sample stands for the time until the next one.
    const us = profile.timeDeltas[index + 1] ?? 0;
    const frame = nodes.get(id)?.callFrame;
    if (frame === undefined || frame.functionName === '(idle)') return;
    busyUs += us;
    const key = `${frame.functionName || '(anonymous)'}\t${where(frame.url, frame.lineNumber)}`;
    selfUs.set(key, (selfUs.get(key) ?? 0) + us);
  });
  const rows = [...selfUs]
    .sort(([, a], [, b]) => b - a)
    .slice(0, top)
    .map(([key, us]) => {
      const [name = '', location = ''] = key.split('\t');
      return (
        `| \`${name}\` | ${location === '' ? '' : `\`${location}\``} | ` +
        `${(us / 1000).toFixed(0)} ms | ${((100 * us) / busyUs).toFixed(1)} % |`
      );
    });
  return [
    `Busy ${(busyUs / 1e6).toFixed(1)} s on the main thread; top ${top} functions by self time:`,
    '',
    '| function | where | self time | share of busy |',
    '| --- | --- | --: | --: |',
    ...rows,
    '',
  ].join('\n');
}

/** `node_modules/graphql/execution/execute.js:123`, `router/src/…`, `node:internal/…`. */
function where(url: string, lineNumber: number): string {
  if (url === '') return '';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const relative = path.startsWith(root) ? path.slice(root.length) : path;
  return `${relative.replace(/^.*\/node_modules\//, 'node_modules/')}:${lineNumber + 1}`;
}
