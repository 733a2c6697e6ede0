/** A started telemetry SDK. */
export interface Telemetry {
  /** Exports what is buffered and stops; further spans are dropped. */
  shutdown(): Promise<void>;
}

/** Where `startTelemetry` leaves its instance, so shutdown works without importing the SDK. */
export const TELEMETRY_KEY = Symbol.for('play-economy.telemetry');

/**
 * Flushes and stops the telemetry SDK if this process started one; a no-op otherwise. Never
 * rejects: losing the last spans must not turn a clean shutdown into a failed one.
 */
export async function shutdownTelemetry(): Promise<void> {
  const telemetry = (globalThis as Record<symbol, Telemetry | undefined>)[TELEMETRY_KEY];
  if (!telemetry) return;
  delete (globalThis as Record<symbol, Telemetry | undefined>)[TELEMETRY_KEY];
  await telemetry.shutdown().catch(() => undefined);
}
