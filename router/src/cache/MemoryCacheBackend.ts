import { LRUCache } from 'lru-cache';
import type { CacheBackend, CacheWrite } from './CacheBackend.ts';

export interface MemoryCacheBackendOptions {
  /** Most entries kept; the least recently used go first. */
  maxEntries: number;
}

/**
 * The cache in this process's memory, bounded in entries. Versions are drawn from one counter
 * that only grows, and are kept in a bounded map too: when a tag's version is forgotten, the
 * tag reads as the highest version ever forgotten, which is at least its own last version, so
 * an entry written before its last invalidation can never match again.
 */
export class MemoryCacheBackend implements CacheBackend {
  readonly kind = 'memory';
  readonly #entries: LRUCache<string, string>;
  readonly #versions: LRUCache<string, number>;
  #counter = 0;
  #floor = 0;

  constructor({ maxEntries }: MemoryCacheBackendOptions) {
    this.#entries = new LRUCache({ max: maxEntries });
    this.#versions = new LRUCache({
      max: maxEntries,
      dispose: (version, _tag, reason) => {
        if (reason === 'evict') this.#floor = Math.max(this.#floor, version);
      },
    });
  }

  async versions(tags: readonly string[]): Promise<string[]> {
    return tags.map((tag) => String(this.#versions.get(tag) ?? this.#floor));
  }

  async bump(tags: readonly string[]): Promise<void> {
    for (const tag of tags) this.#versions.set(tag, (this.#counter += 1));
  }

  async get(keys: readonly string[]): Promise<(string | undefined)[]> {
    return keys.map((key) => this.#entries.get(key));
  }

  async set(entries: readonly CacheWrite[]): Promise<void> {
    for (const { key, value, ttlMs } of entries) this.#entries.set(key, value, { ttl: ttlMs });
  }

  /** Entries held now, expired ones not yet dropped included. */
  get size(): number {
    return this.#entries.size;
  }

  async close(): Promise<void> {
    this.#entries.clear();
  }
}
