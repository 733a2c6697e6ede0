/** A point-in-time copy of the entity cache's counters. */
export interface CacheStatsSnapshot {
  /** Entities and root-field results answered from the cache. */
  hits: number;
  /** Cacheable entities and root-field results that had to be fetched. */
  misses: number;
  /** Entries stored after a miss. */
  writes: number;
  /** Tags (`Item:42`, `Item`) invalidated by events. */
  evictions: number;
  /** Events processed by the invalidation consumer. */
  invalidations: number;
  /** Backend operations that failed; the request was then served without the cache. */
  backendErrors: number;
  /**
   * Time from an event's `occurredAt` to its invalidation being done, in milliseconds: the
   * longest one for which a stale value could still be served after the change committed.
   */
  invalidationLagMs: { last: number; max: number; sum: number; count: number };
}

/**
 * The entity cache's counters, kept in memory. `snapshot()` is what a metrics exporter reads;
 * `onInvalidation` lets it observe each lag as a histogram sample, with the tags evicted.
 */
export class CacheStats {
  #hits = 0;
  #misses = 0;
  #writes = 0;
  #evictions = 0;
  #invalidations = 0;
  #backendErrors = 0;
  #lag = { last: 0, max: 0, sum: 0, count: 0 };
  readonly #lagListeners = new Set<(lagMs: number, tags: readonly string[]) => void>();

  hit(count = 1): void {
    this.#hits += count;
  }

  miss(count = 1): void {
    this.#misses += count;
  }

  wrote(count = 1): void {
    this.#writes += count;
  }

  backendError(): void {
    this.#backendErrors += 1;
  }

  /** One event processed, which evicted `tags` and took `lagMs` since it occurred. */
  invalidated(tags: readonly string[], lagMs: number): void {
    this.#invalidations += 1;
    this.#evictions += tags.length;
    const lag = Math.max(0, lagMs);
    this.#lag = {
      last: lag,
      max: Math.max(this.#lag.max, lag),
      sum: this.#lag.sum + lag,
      count: this.#lag.count + 1,
    };
    for (const listener of this.#lagListeners) listener(lag, tags);
  }

  /** Calls `listener` with every invalidation from now on; returns the unsubscribe. */
  onInvalidation(listener: (lagMs: number, tags: readonly string[]) => void): () => void {
    this.#lagListeners.add(listener);
    return () => this.#lagListeners.delete(listener);
  }

  snapshot(): CacheStatsSnapshot {
    return {
      hits: this.#hits,
      misses: this.#misses,
      writes: this.#writes,
      evictions: this.#evictions,
      invalidations: this.#invalidations,
      backendErrors: this.#backendErrors,
      invalidationLagMs: { ...this.#lag },
    };
  }
}
