import type { RetryPolicy } from './EventBus.ts';

interface BusDefaults {
  /** The one durable topic exchange every service publishes to. */
  readonly exchange: string;
  /** Unacknowledged messages a subscriber may hold at once. */
  readonly prefetch: number;
  /** 5 retries after 1 s, 2 s, 4 s, 8 s and 16 s, then the dead-letter queue. */
  readonly retry: Readonly<RetryPolicy>;
  /** How long `stopConsuming()` waits for handlers in flight. */
  readonly inFlightTimeoutMs: number;
}

/** Defaults shared by every `EventBus` adapter, so both engines behave alike. */
export const busDefaults: BusDefaults = {
  exchange: 'play-economy',
  prefetch: 16,
  retry: { maxRetries: 5, initialDelayMs: 1000 },
  // Below the 20 s a whole shutdown may take, with room for HTTP draining and the outbox.
  inFlightTimeoutMs: 5000,
};
