import { readFile } from 'node:fs/promises';

/**
 * Linux reports process CPU times in USER_HZ ticks, which the kernel fixes at 100 per second on
 * every mainstream architecture (`getconf CLK_TCK`).
 */
const TICKS_PER_SECOND = 100;

/** Memory and CPU use of one process, from Linux's `/proc`. */
export interface ProcessStats {
  /** Resident set size now (`VmRSS`), in bytes. */
  rssBytes: number;
  /** User plus system CPU time since the process started, in seconds (10 ms resolution). */
  cpuSeconds: number;
}

/** Reads `/proc/<pid>/status` and `/proc/<pid>/stat`; rejects where there is no `/proc`. */
export async function readProcessStats(pid: number): Promise<ProcessStats> {
  const [status, stat] = await Promise.all([
    readFile(`/proc/${pid}/status`, 'utf8'),
    readFile(`/proc/${pid}/stat`, 'utf8'),
  ]);
  const rss = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  // Fields after the command name, which is in parentheses and may itself contain spaces:
  // the first is field 3 (state), so utime (field 14) and stime (field 15) are at 11 and 12.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const userTicks = Number(fields[11]);
  const systemTicks = Number(fields[12]);
  if (rss === undefined || !Number.isFinite(userTicks) || !Number.isFinite(systemTicks)) {
    throw new Error(`cannot read the memory and CPU use of process ${pid} from /proc`);
  }
  return {
    rssBytes: Number(rss) * 1024,
    cpuSeconds: (userTicks + systemTicks) / TICKS_PER_SECOND,
  };
}

/**
 * Runs `work` and reads, for each process in `pids`, the CPU seconds it spent meanwhile and its
 * stats right after.
 */
export async function measureProcesses<T>(
  pids: readonly number[],
  work: () => Promise<T>,
): Promise<{ result: T; cpuSeconds: number[]; after: ProcessStats[] }> {
  const before = await Promise.all(pids.map(readProcessStats));
  const result = await work();
  const after = await Promise.all(pids.map(readProcessStats));
  return {
    result,
    cpuSeconds: after.map((stats, index) => stats.cpuSeconds - (before[index]?.cpuSeconds ?? 0)),
    after,
  };
}
