import type { Logger } from '../logging/createLogger.ts';
import type { Timer } from './SubgraphDefinition.ts';

/**
 * Runs each timer every `everyMs`, skipping a tick while its previous run is still going and
 * logging a failed run. `stop()` clears them and waits for the runs in progress.
 */
export function startTimers(timers: readonly Timer[], logger: Logger): { stop(): Promise<void> } {
  const running = new Set<Promise<void>>();
  const intervals = timers.map((timer) => {
    let busy = false;
    const interval = setInterval(() => {
      if (busy) return;
      busy = true;
      const run = timer
        .run()
        .catch((err: unknown) => logger.error({ err, timer: timer.name }, 'timer run failed'))
        .finally(() => {
          busy = false;
          running.delete(run);
        });
      running.add(run);
    }, timer.everyMs);
    // A chore never keeps the process alive on its own.
    interval.unref();
    return interval;
  });
  return {
    async stop() {
      for (const interval of intervals) clearInterval(interval);
      await Promise.all([...running]);
    },
  };
}
