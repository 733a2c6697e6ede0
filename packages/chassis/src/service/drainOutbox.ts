import type { OutboxRelay } from '../bus/OutboxRelay.ts';
import type { Logger } from '../logging/createLogger.ts';

/** How long a shutdown waits for the outbox to be published before leaving it for the next start. */
const DRAIN_TIMEOUT_MS = 3_000;

/**
 * A last attempt, on shutdown, to publish what the outbox holds. Nothing is lost if it times
 * out or the broker is away: the messages stay in the outbox and the next start publishes them.
 */
export async function drainOutbox(relay: OutboxRelay, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), DRAIN_TIMEOUT_MS);
  });
  try {
    const outcome = await Promise.race([relay.flush().then(() => 'flushed' as const), timedOut]);
    const left = await relay.pendingCount().catch(() => -1);
    if (outcome === 'timeout' || left !== 0) {
      logger.warn({ left }, 'outbox not empty at shutdown; the next start publishes the rest');
    }
  } catch (err) {
    logger.warn({ err }, 'could not drain the outbox at shutdown');
  } finally {
    clearTimeout(timer);
  }
}
