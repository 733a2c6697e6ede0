import type { Viewer } from '@play-economy/chassis/web';
import type { CachePolicy } from './computeCachePolicy.ts';
import type { CacheSlot, EntityCache } from './EntityCache.ts';

/** What a response depends on besides the caller: the operation, its variables, its rights. */
export interface ResponseIdentity {
  /** SHA-256 of the query text. */
  queryHash: string;
  operationName: string | undefined;
  /** The variables coerced to their types (defaults applied). */
  variables: Record<string, unknown>;
  /** What authorization lets the caller see (`anonymous`, `roles:ADMIN`, …). */
  rights: string;
}

/** A response slot after looking it up: its versioned key and, on a hit, the stored answer. */
export interface ReadResponse {
  key: string;
  body: Buffer | undefined;
}

/**
 * Whole answers of cacheable operations, kept in the entity cache's backend: an operation whose
 * policy allows caching (max-age above 0; PUBLIC, or PRIVATE for a signed-in caller, then per
 * caller) is answered as stored, without planning, fetching or shaping. An entry is guarded by
 * the tags of the entity types the answer holds, so the events that evict entities evict the
 * answers holding them; types no event names expire with their max-age. Only answers without
 * errors are kept, and none larger than `maxBytes`.
 */
export class ResponseCache {
  readonly #cache: EntityCache;
  readonly #maxBytes: number;
  /**
   * Slots of PUBLIC operations without variables, by their policy (one per operation and
   * supergraph), then query, operation name and rights: the same for every request, so not
   * hashed again.
   */
  readonly #constantSlots = new WeakMap<CachePolicy, Map<string, CacheSlot | undefined>>();

  constructor(cache: EntityCache, { maxBytes }: { maxBytes: number }) {
    this.#cache = cache;
    this.#maxBytes = maxBytes;
  }

  /** Where this caller's answer to the operation is kept, or undefined when it may not be. */
  slot(
    policy: CachePolicy,
    viewer: Viewer | null,
    identity: ResponseIdentity,
  ): CacheSlot | undefined {
    const { queryHash, operationName, rights, variables } = identity;
    const make = () =>
      this.#cache.slot(
        policy,
        viewer,
        ['response', queryHash, operationName ?? '', rights, variables],
        [...policy.entityTypes],
      );
    if (policy.scope !== 'PUBLIC' || hasAny(variables)) return make();
    let slots = this.#constantSlots.get(policy);
    if (!slots) this.#constantSlots.set(policy, (slots = new Map()));
    const key = `${queryHash}\u0000${operationName ?? ''}\u0000${rights}`;
    if (!slots.has(key)) slots.set(key, make());
    return slots.get(key);
  }

  /** The slot's versioned key and stored answer; undefined when the backend failed. */
  async read(slot: CacheSlot): Promise<ReadResponse | undefined> {
    const [found] = (await this.#cache.read([slot])) ?? [];
    if (!found) return undefined;
    return { key: found.key, body: found.raw === undefined ? undefined : Buffer.from(found.raw) };
  }

  /** Keeps an answer under the key `read` gave (the versions read before it was made). */
  async write(key: string, body: Buffer, ttlMs: number): Promise<void> {
    if (body.length > this.#maxBytes) return;
    await this.#cache.write([{ key, value: body.toString(), ttlMs }]);
  }
}

function hasAny(values: Record<string, unknown>): boolean {
  for (const _ in values) return true;
  return false;
}
