/** One value to store, for `ttlMs` milliseconds. */
export interface CacheWrite {
  key: string;
  value: string;
  ttlMs: number;
}

/**
 * Where the entity cache keeps its entries and its invalidation versions. Every operation may
 * reject (a backend that is down); the cache then answers from the subgraphs, never with an
 * error.
 *
 * Invalidation works by version, not by deleting entries: each tag (`Item:42`, `Item`) has a
 * version that `bump` changes, and the version is part of every key written for it. A fetch
 * reads the versions before it calls the subgraph, so a fetch that was in flight during an
 * invalidation writes under the old version, which nobody reads any more.
 */
export interface CacheBackend {
  /** `memory` or `redis`, for logs and metrics. */
  readonly kind: string;
  /** The current version of each tag, as a string to fold into keys. */
  versions(tags: readonly string[]): Promise<string[]>;
  /** Changes the version of each tag, so entries written under the old one are never read. */
  bump(tags: readonly string[]): Promise<void>;
  /** Values stored under `keys`, `undefined` where there is none (or it expired). */
  get(keys: readonly string[]): Promise<(string | undefined)[]>;
  set(entries: readonly CacheWrite[]): Promise<void>;
  close(): Promise<void>;
}
