import { median } from './median.ts';

/** The figures of one load run against one server. */
export interface RunFigures {
  /** Which server: a key of the report's `servers`. */
  server: string;
  /** 1-based, in the order the runs happened for this server. */
  run: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Resident memory of the server's process right after the load. */
  rssBytes: number;
  /** CPU time the server's process used during the load, divided by the responses. */
  serverCpuPerRequestUs: number;
  /** The same for the catalog subgraph, which serves every request of both servers. */
  catalogCpuPerRequestUs: number;
}

export interface ReportSetup {
  date: Date;
  query: string;
  seededItems: number;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  runs: number;
  /** e.g. `2 cores (AMD EPYC), linux x64, 7.8 GiB` */
  machine: string;
  nodeVersion: string;
  /** The machine's 1-minute load average just before the bench started its servers. */
  loadAverageBefore: number;
  /** Display name by server key, in the order the servers ran. */
  servers: Readonly<Record<string, string>>;
}

/** The report `npm run bench` prints: markdown, ready to paste into docs/performance.md. */
export function formatReport(setup: ReportSetup, figures: readonly RunFigures[]): string {
  const rows = Object.keys(setup.servers).flatMap((server) =>
    figures
      .filter((run) => run.server === server)
      .map((run) =>
        [
          setup.servers[server] ?? server,
          String(run.run),
          count(run.requestsPerSecond),
          `${run.p50Ms} ms`,
          `${run.p99Ms} ms`,
          mebibytes(run.rssBytes),
          `${count(run.serverCpuPerRequestUs)} µs`,
          `${count(run.catalogCpuPerRequestUs)} µs`,
        ].join(' | '),
      ),
  );
  const [ours, baseline] = Object.keys(setup.servers);
  return [
    `### Router vs plain \`@apollo/gateway\` (${setup.date.toISOString().slice(0, 10)})`,
    '',
    `- Query: \`${setup.query}\` (POST, JSON), ${setup.seededItems} items in the catalog`,
    `- Load: autocannon, ${setup.connections} connections, ${setup.durationSeconds} s per run ` +
      `after a ${setup.warmupSeconds} s warm-up; servers alternate, ` +
      `${setup.runs} ${setup.runs === 1 ? 'run' : 'runs'} each; ` +
      'every response checked (200, same body as a checked sample, no `errors`)',
    `- Machine: ${setup.machine}, Node ${setup.nodeVersion}; load generator, catalog subgraph ` +
      'and server under test all on it, over loopback; 1-minute load average before the run ' +
      `${setup.loadAverageBefore.toFixed(2)} (well above 0: something else was busy too)`,
    '',
    '| server | run | requests/s | p50 | p99 | RSS after load | server CPU / request | catalog CPU / request |',
    '| --- | --: | --: | --: | --: | --: | --: | --: |',
    ...rows.map((row) => `| ${row} |`),
    '',
    ...(ours !== undefined && baseline !== undefined
      ? [compare(setup, figures, ours, baseline)]
      : []),
    '',
  ].join('\n');
}

/** One line comparing the medians of the runs of two servers. */
function compare(
  setup: ReportSetup,
  figures: readonly RunFigures[],
  ours: string,
  baseline: string,
): string {
  const of = (server: string, pick: (run: RunFigures) => number) =>
    median(figures.filter((run) => run.server === server).map(pick));
  const ratio = (pick: (run: RunFigures) => number) =>
    `×${(of(ours, pick) / of(baseline, pick)).toFixed(2)}`;
  return (
    `Medians, ${setup.servers[ours] ?? ours} ÷ ${setup.servers[baseline] ?? baseline}: ` +
    `requests/s ${ratio((run) => run.requestsPerSecond)}, ` +
    `p50 ${ratio((run) => run.p50Ms)}, p99 ${ratio((run) => run.p99Ms)}, ` +
    `RSS ${ratio((run) => run.rssBytes)}, ` +
    `server CPU per request ${ratio((run) => run.serverCpuPerRequestUs)}.`
  );
}

function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function mebibytes(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MiB`;
}
