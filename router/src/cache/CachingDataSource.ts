import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Viewer } from '@play-economy/chassis/web';
import type { RouterContext } from '../subgraphs/SubgraphDataSource.ts';
import type { CachePolicy } from './computeCachePolicy.ts';
import type { CacheSlot, EntityCache } from './EntityCache.ts';

type Options = GraphQLDataSourceProcessOptions<RouterContext>;
type Response = Awaited<ReturnType<GraphQLDataSource['process']>>;
type ResponseError = NonNullable<Response['errors']>[number];

/**
 * A subgraph data source that answers from the entity cache what it can. An `_entities` fetch
 * is split: cached entities are taken from the cache, only the others are fetched (none, when
 * all are cached), and the answer is put back together in the order the gateway asked for.
 * A cacheable root-field query is cached whole. Everything else passes through untouched.
 */
export class CachingDataSource implements GraphQLDataSource<RouterContext> {
  readonly #name: string;
  readonly #inner: GraphQLDataSource<RouterContext>;
  readonly #cache: EntityCache;

  constructor(name: string, inner: GraphQLDataSource<RouterContext>, cache: EntityCache) {
    this.#name = name;
    this.#inner = inner;
    this.#cache = cache;
  }

  async process(options: Options): Promise<Response> {
    // Health checks and schema loading have no incoming request: never cached.
    if (!('incomingRequestContext' in options) || !options.request.query) {
      return this.#inner.process(options);
    }
    const operation = this.#cache.analyze(
      options.incomingRequestContext.schema,
      options.request.query,
    );
    switch (operation.kind) {
      case 'entities':
        return this.#entities(options, operation.policies);
      case 'root':
        return this.#root(options, operation.policy);
      case 'uncached':
        return this.#inner.process(options);
    }
  }

  async #root(options: Options, policy: CachePolicy): Promise<Response> {
    const { query, variables } = options.request;
    const slot = this.#cache.slot(
      policy,
      viewerOf(options),
      ['root', this.#name, query, variables ?? {}],
      [...policy.entityTypes],
    );
    if (!slot) return this.#inner.process(options);
    const [found] = (await this.#cache.lookup([slot])) ?? [];
    if (found?.hit) {
      this.#cache.stats.hit();
      return { data: found.value as Record<string, unknown> };
    }
    const response = await this.#inner.process(options);
    if (!found) return response;
    this.#cache.stats.miss();
    if (response.data && !response.errors?.length) {
      await this.#cache.store([{ key: found.key, value: response.data, ttlMs: slot.ttlMs }]);
    }
    return response;
  }

  async #entities(options: Options, policies: ReadonlyMap<string, CachePolicy>): Promise<Response> {
    const { query, variables = {} } = options.request;
    const representations: unknown = variables['representations'];
    if (!Array.isArray(representations)) return this.#inner.process(options);
    const { representations: _, ...otherVariables } = variables;
    const viewer = viewerOf(options);

    // Which representations may be cached, and under what; the others are always fetched.
    const slots = representations.map((representation: unknown): CacheSlot | undefined => {
      if (typeof representation !== 'object' || representation === null) return undefined;
      const { __typename: typeName, id } = representation as Record<string, unknown>;
      const policy = typeof typeName === 'string' ? policies.get(typeName) : undefined;
      // Only entities keyed by `id` can be evicted by an event naming that id.
      if (!policy || typeof typeName !== 'string' || typeof id !== 'string') return undefined;
      return this.#cache.slot(
        policy,
        viewer,
        ['entity', this.#name, typeName, representation, query, otherVariables],
        [`${typeName}:${id}`],
      );
    });
    const cacheable = slots.flatMap((slot, i) => (slot ? [{ slot, i }] : []));
    if (cacheable.length === 0) return this.#inner.process(options);
    const lookedUp = await this.#cache.lookup(cacheable.map(({ slot }) => slot));
    if (!lookedUp) return this.#inner.process(options);

    const entities: unknown[] = new Array<unknown>(representations.length).fill(null);
    const found = new Map<number, { key: string; ttlMs: number }>();
    const hitAt = new Set<number>();
    cacheable.forEach(({ slot, i }, j) => {
      const entry = lookedUp[j];
      if (!entry) return;
      if (entry.hit) {
        entities[i] = entry.value;
        hitAt.add(i);
      } else {
        found.set(i, { key: entry.key, ttlMs: slot.ttlMs });
      }
    });
    const hits = hitAt.size;
    this.#cache.stats.hit(hits);
    this.#cache.stats.miss(cacheable.length - hits);
    const missing = representations.flatMap((_representation, i) => (hitAt.has(i) ? [] : [i]));
    if (missing.length === 0) return { data: { _entities: entities } };

    const response =
      missing.length === representations.length
        ? await this.#inner.process(options)
        : await this.#inner.process({
            ...options,
            request: {
              ...options.request,
              variables: { ...variables, representations: missing.map((i) => representations[i]) },
            },
          });
    const fetched: unknown = response.data?.['_entities'];
    const errors = (response.errors ?? []).map((error) => remapped(error, missing));
    const failed = new Set<number>();
    let wholeFetchFailed = !Array.isArray(fetched) || fetched.length !== missing.length;
    for (const error of errors) {
      const index = error.path?.[1];
      if (error.path?.[0] === '_entities' && typeof index === 'number') failed.add(index);
      else wholeFetchFailed = true;
    }
    const writes: { key: string; value: unknown; ttlMs: number }[] = [];
    missing.forEach((i, j) => {
      const value: unknown = Array.isArray(fetched) ? fetched[j] : null;
      entities[i] = value ?? null;
      const slot = found.get(i);
      // Nulls (not found) and entities with errors are not kept: only what the subgraph served.
      if (slot && !wholeFetchFailed && !failed.has(i) && value !== null && value !== undefined) {
        writes.push({ key: slot.key, value, ttlMs: slot.ttlMs });
      }
    });
    await this.#cache.store(writes);
    return {
      ...response,
      data: response.data === null && hits === 0 ? null : { ...response.data, _entities: entities },
      ...(errors.length > 0 ? { errors } : {}),
    };
  }
}

function viewerOf(options: Options): Viewer | null {
  const context = options.context as Partial<RouterContext>;
  return context.viewer ?? null;
}

/** An error of the partial fetch, its `_entities` index turned back into the original one. */
function remapped(error: ResponseError, missing: readonly number[]): ResponseError {
  const index = error.path?.[1];
  if (error.path?.[0] !== '_entities' || typeof index !== 'number') return error;
  const original = missing[index];
  if (original === undefined) return error;
  return { ...error, path: ['_entities', original, ...error.path.slice(2)] };
}
