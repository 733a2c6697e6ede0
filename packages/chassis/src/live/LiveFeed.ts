import { eventTraceOrigins } from '../telemetry/eventTraceOrigins.ts';

/** A watcher fell so far behind that keeping its events would need unbounded memory. */
export class WatcherTooSlow extends Error {
  override name = 'WatcherTooSlow';

  constructor(readonly maxBuffered: number) {
    super(`more than ${maxBuffered} events were waiting to be read; the watch was ended`);
  }
}

export interface LiveFeedOptions {
  /** Events one watcher may have waiting before its watch ends with `WatcherTooSlow`. Default `256`. */
  maxBuffered?: number;
}

interface Watcher<T> {
  accept: (event: T) => boolean;
  buffer: T[];
  /** The `next()` waiting for an event, if any. */
  waiting: ((result: IteratorResult<T, undefined>) => void) | undefined;
  failure: Error | undefined;
  done: boolean;
}

/**
 * An in-memory fan-out of live events to any number of watchers, each an async iterator (what
 * GraphQL subscription resolvers return). Each watcher keeps its own bounded buffer: one that
 * does not keep up ends with `WatcherTooSlow` instead of making the process hold every event
 * for it. Ending an iterator (`return()`, which graphql-js calls when a client unsubscribes)
 * removes its watcher at once.
 */
export class LiveFeed<T> {
  readonly #watchers = new Set<Watcher<T>>();
  readonly #maxBuffered: number;

  constructor(options: LiveFeedOptions = {}) {
    this.#maxBuffered = options.maxBuffered ?? 256;
  }

  /** Watchers currently attached. */
  get watcherCount(): number {
    return this.#watchers.size;
  }

  /**
   * Hands `event` to every watcher whose filter accepts it. The active span (the delivery of the
   * message it came in) is remembered as its origin, for the subscribers' spans to link to.
   */
  publish(event: T): void {
    eventTraceOrigins.remember(event);
    for (const watcher of this.#watchers) {
      if (!watcher.accept(event)) continue;
      if (watcher.waiting) {
        const resolve = watcher.waiting;
        watcher.waiting = undefined;
        resolve({ value: event, done: false });
      } else if (watcher.buffer.length >= this.#maxBuffered) {
        watcher.failure = new WatcherTooSlow(this.#maxBuffered);
        watcher.buffer.length = 0;
        this.#watchers.delete(watcher);
      } else {
        watcher.buffer.push(event);
      }
    }
  }

  /** The events `accept` lets through from now on, until the iterator is returned. */
  watch(accept: (event: T) => boolean = () => true): AsyncGenerator<T, undefined> {
    const watcher: Watcher<T> = {
      accept,
      buffer: [],
      waiting: undefined,
      failure: undefined,
      done: false,
    };
    this.#watchers.add(watcher);
    const finish = (): IteratorResult<T, undefined> => {
      watcher.done = true;
      watcher.buffer.length = 0;
      this.#watchers.delete(watcher);
      const waiting = watcher.waiting;
      watcher.waiting = undefined;
      waiting?.({ value: undefined, done: true });
      return { value: undefined, done: true };
    };
    const iterator: AsyncGenerator<T, undefined> = {
      next: () => {
        if (watcher.buffer.length > 0) {
          return Promise.resolve({ value: watcher.buffer.shift() as T, done: false });
        }
        if (watcher.failure) {
          const failure = watcher.failure;
          finish();
          return Promise.reject(failure);
        }
        if (watcher.done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => {
          watcher.waiting = resolve;
        });
      },
      return: () => Promise.resolve(finish()),
      throw: (error: unknown) => {
        finish();
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }
}
