import { hash } from 'node:crypto';
import type { Logger, Viewer } from '@play-economy/chassis/web';
import type { GraphQLSchema } from 'graphql';
// Object keys sorted at every level: equal values give equal keys, whatever their key order.
import stableStringify from 'safe-stable-stringify';
import type { CacheBackend, CacheWrite } from './CacheBackend.ts';
import type { CacheStats } from './CacheStats.ts';
import type { CachePolicy } from './computeCachePolicy.ts';
import type { CacheHintRegistry } from './CacheHintRegistry.ts';
import { analyzeSubgraphOperation, type SubgraphOperation } from './analyzeSubgraphOperation.ts';

export interface EntityCacheOptions {
  backend: CacheBackend;
  hints: CacheHintRegistry;
  stats: CacheStats;
  /** Upper bound of any entry's life, whatever the hints say. */
  maxTtlSeconds: number;
  /** Max-age of root fields and object fields without a hint; `0`: not cached. */
  defaultMaxAge: number;
  logger: Logger;
}

/** One cacheable value a subgraph fetch asks for: an entity, or a whole root-field result. */
export interface CacheSlot {
  /** Key without the version, which is appended once read. */
  baseKey: string;
  /** The tag whose version guards it (`Item:42`, or `Item` for a list). */
  tags: readonly string[];
  ttlMs: number;
}

/** A slot after looking it up: its versioned key and, on a hit, the value. */
export interface LookedUp {
  key: string;
  value: unknown;
  hit: boolean;
}

/** Operations analyzed per schema, keyed by the subgraph query text. */
const ANALYSES_PER_SCHEMA = 2000;

/**
 * The router's entity cache: decides what of a subgraph fetch may be cached and under which
 * key, reads and writes the backend, and evicts on invalidation. Failures of the backend are
 * counted and logged by the backend, and the fetch then goes to the subgraph: the cache never
 * turns into an error.
 */
export class EntityCache {
  readonly #backend: CacheBackend;
  readonly #hints: CacheHintRegistry;
  readonly #logger: Logger;
  readonly #maxTtlSeconds: number;
  readonly #defaultMaxAge: number;
  readonly #analyses = new WeakMap<GraphQLSchema, Map<string, SubgraphOperation>>();
  readonly stats: CacheStats;

  constructor(options: EntityCacheOptions) {
    this.#backend = options.backend;
    this.#hints = options.hints;
    this.stats = options.stats;
    this.#logger = options.logger;
    this.#maxTtlSeconds = options.maxTtlSeconds;
    this.#defaultMaxAge = options.defaultMaxAge;
  }

  get backendKind(): string {
    return this.#backend.kind;
  }

  /** What the subgraph operation `query` is, as far as caching goes (memoized per schema). */
  analyze(schema: GraphQLSchema, query: string): SubgraphOperation {
    const index = this.#hints.of(schema);
    if (!index) return { kind: 'uncached' };
    let analyses = this.#analyses.get(schema);
    if (!analyses) {
      analyses = new Map();
      this.#analyses.set(schema, analyses);
    }
    let analysis = analyses.get(query);
    if (!analysis) {
      analysis = analyzeSubgraphOperation(index, query, this.#defaultMaxAge);
      // Bounded: a client sending ever new operations must not grow this without end.
      if (analyses.size >= ANALYSES_PER_SCHEMA) analyses.clear();
      analyses.set(query, analysis);
    }
    return analysis;
  }

  /**
   * The slot for a value with `policy`, or undefined when it may not be cached: max-age 0, or
   * PRIVATE without a signed-in caller (anonymous callers are not told apart).
   */
  slot(
    policy: CachePolicy,
    viewer: Viewer | null,
    parts: readonly unknown[],
    tags: readonly string[],
  ): CacheSlot | undefined {
    if (policy.maxAge <= 0) return undefined;
    let audience = 'public';
    if (policy.scope === 'PRIVATE') {
      if (!viewer) return undefined;
      audience = `user:${viewer.userId}:${[...viewer.roles].sort().join(',')}`;
    }
    return {
      baseKey: hash('sha256', stableStringify([audience, ...parts]), 'base64url'),
      tags,
      ttlMs: Math.min(policy.maxAge, this.#maxTtlSeconds) * 1000,
    };
  }

  /**
   * Reads the versions of every slot's tags, then the entries under the versioned keys.
   * Undefined when the backend failed: the caller fetches everything and stores nothing.
   */
  async lookup(slots: readonly CacheSlot[]): Promise<LookedUp[] | undefined> {
    const read = await this.read(slots);
    return read?.map(({ key, raw }) =>
      raw === undefined
        ? { key, value: undefined, hit: false }
        : { key, value: JSON.parse(raw) as unknown, hit: true },
    );
  }

  /** As {@link lookup}, the entries as stored: text, not parsed. */
  async read(
    slots: readonly CacheSlot[],
  ): Promise<{ key: string; raw: string | undefined }[] | undefined> {
    if (slots.length === 0) return [];
    try {
      const tags = [...new Set(slots.flatMap((slot) => slot.tags))];
      const versions = new Map<string, string>();
      (await this.#backend.versions(tags)).forEach((version, i) => {
        versions.set(tags[i] as string, version);
      });
      const keys = slots.map(
        (slot) => `${slot.baseKey}:${slot.tags.map((tag) => versions.get(tag)).join(',')}`,
      );
      const values = await this.#backend.get(keys);
      return keys.map((key, i) => ({ key, raw: values[i] }));
    } catch (error) {
      this.#backendFailed(error, 'lookup');
      return undefined;
    }
  }

  /** Stores values under the keys `lookup` gave (the versions read before the fetch). */
  async store(writes: readonly { key: string; value: unknown; ttlMs: number }[]): Promise<void> {
    await this.write(
      writes.map(({ key, value, ttlMs }) => ({ key, value: JSON.stringify(value), ttlMs })),
    );
  }

  /** As {@link store}, values already encoded. */
  async write(entries: readonly CacheWrite[]): Promise<void> {
    if (entries.length === 0) return;
    try {
      await this.#backend.set(entries);
      this.stats.wrote(entries.length);
    } catch (error) {
      this.#backendFailed(error, 'store');
    }
  }

  /**
   * Makes every entry guarded by `tags` unreadable, in the shared backend and so for every
   * router instance. Rejects when the backend could not be reached, so the event that asked
   * for it is retried rather than acknowledged.
   */
  async invalidate(tags: readonly string[]): Promise<void> {
    if (tags.length === 0) return;
    await this.#backend.bump(tags);
  }

  async close(): Promise<void> {
    await this.#backend.close();
  }

  #backendFailed(error: unknown, operation: string): void {
    this.stats.backendError();
    this.#logger.debug({ err: error, operation }, 'entity cache backend failed; bypassed');
  }
}
