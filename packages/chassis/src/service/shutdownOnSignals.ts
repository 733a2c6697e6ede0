import type { Logger } from '../logging/createLogger.ts';
import { shutdownTelemetry } from '../telemetry/shutdownTelemetry.ts';

export interface ShutdownOptions {
  logger: Logger;
  /**
   * Stops the service in order: stop accepting HTTP and drain in-flight requests (closing
   * subscriptions with a proper close code), stop consuming and let in-flight handlers commit
   * and ack, publish what the outbox holds, close the bus and the store.
   */
  stop: () => Promise<void>;
  /**
   * Longest the whole shutdown may take; past it the process exits with 1. Default 20 s,
   * below the 30 s grace the compose file gives each container.
   */
  timeoutMs?: number;
  /** Default SIGTERM and SIGINT. */
  signals?: readonly NodeJS.Signals[];
  /** Ends the process; replaceable for tests. Default `process.exit`. */
  exit?: (code: number) => void;
}

/**
 * The one shutdown path of every entry point: on the first signal, runs `stop`, flushes
 * telemetry and exits 0; exits 1 if that fails or outlasts `timeoutMs`. A second signal is
 * logged and otherwise ignored, so an impatient Ctrl-C does not cut a drain short. Returns a
 * function that removes the signal handlers.
 */
export function shutdownOnSignals(options: ShutdownOptions): () => void {
  const { logger, stop, timeoutMs = 20_000 } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      logger.warn({ signal }, 'already shutting down');
      return;
    }
    shuttingDown = true;
    const startedAt = Date.now();
    logger.info({ signal, timeoutMs }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown took too long; exiting');
      exit(1);
    }, timeoutMs);
    stop()
      .then(
        async () => {
          logger.info({ ms: Date.now() - startedAt }, 'stopped');
          await shutdownTelemetry();
          exit(0);
        },
        async (err: unknown) => {
          logger.error({ err }, 'shutdown failed');
          await shutdownTelemetry();
          exit(1);
        },
      )
      .finally(() => clearTimeout(deadline));
  };
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
}
