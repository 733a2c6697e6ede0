import { readFileSync } from 'node:fs';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { createLogger } from '@play-economy/chassis/web';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { CacheBackend } from '../../src/cache/CacheBackend.ts';
import { CacheHintRegistry } from '../../src/cache/CacheHintRegistry.ts';
import { CacheStats } from '../../src/cache/CacheStats.ts';
import { CachingDataSource } from '../../src/cache/CachingDataSource.ts';
import { EntityCache } from '../../src/cache/EntityCache.ts';
import { MemoryCacheBackend } from '../../src/cache/MemoryCacheBackend.ts';
import type { RouterContext } from '../../src/subgraphs/SubgraphDataSource.ts';

type Options = GraphQLDataSourceProcessOptions<RouterContext>;
type Response = Awaited<ReturnType<GraphQLDataSource['process']>>;

const ENTITIES =
  'query($representations:[_Any!]!){_entities(representations:$representations){...on Item{name price}}}';
const supergraph = readFileSync(
  new URL('../../../schema/supergraph.graphql', import.meta.url),
  'utf8',
);
/** Stands for the API schema a request carries; the registry only uses it as a key. */
const apiSchema = buildSchema('type Query { ok: Boolean }');

/** The subgraph at the edge: answers each representation from `items`, recording requests. */
class FakeCatalog implements GraphQLDataSource<RouterContext> {
  readonly requests: { representations: { id: string }[] }[] = [];
  items = new Map<string, { name: string; price: number } | null>();
  errorFor = new Set<string>();

  async process(options: Options): Promise<Response> {
    const representations = options.request.variables?.['representations'] as { id: string }[];
    this.requests.push({ representations });
    const errors = representations.flatMap(({ id }, i) =>
      this.errorFor.has(id) ? [{ message: `no ${id}`, path: ['_entities', i, 'price'] }] : [],
    );
    return {
      data: { _entities: representations.map(({ id }) => this.items.get(id) ?? null) },
      ...(errors.length > 0 ? { errors } : {}),
    };
  }
}

function setUp(backend: CacheBackend = new MemoryCacheBackend({ maxEntries: 100 })) {
  const hints = new CacheHintRegistry();
  hints.track({
    onSchemaLoadOrUpdate: (callback) => callback({ apiSchema, coreSupergraphSdl: supergraph }),
  });
  const stats = new CacheStats();
  const cache = new EntityCache({
    backend,
    hints,
    stats,
    maxTtlSeconds: 300,
    defaultMaxAge: 0,
    logger: createLogger({ service: 'test', level: 'silent' }),
  });
  const catalog = new FakeCatalog();
  const dataSource = new CachingDataSource('catalog', catalog, cache);
  const fetch = (...ids: string[]) =>
    dataSource.process({
      kind: 'incoming operation',
      request: {
        query: ENTITIES,
        variables: { representations: ids.map((id) => ({ __typename: 'Item', id })) },
      },
      context: { requestId: 'r', viewer: null, clientIp: undefined },
      incomingRequestContext: { schema: apiSchema },
    } as unknown as Options);
  return { catalog, fetch, stats };
}

const item = (name: string, price: number) => ({ name, price });

describe('an _entities fetch through the cache', () => {
  it('asks the subgraph only for what it does not hold, and answers in the order asked', async () => {
    const { catalog, fetch } = setUp();
    catalog.items.set('a', item('A', 1)).set('b', item('B', 2)).set('c', item('C', 3));
    await fetch('b');
    const response = await fetch('a', 'b', 'c');
    expect(catalog.requests.at(-1)?.representations.map(({ id }) => id)).toEqual(['a', 'c']);
    expect(response.data?.['_entities']).toEqual([item('A', 1), item('B', 2), item('C', 3)]);
  });

  it('makes no call at all when everything is cached', async () => {
    const { catalog, fetch, stats } = setUp();
    catalog.items.set('a', item('A', 1)).set('b', item('B', 2));
    await fetch('a', 'b');
    const calls = catalog.requests.length;
    expect((await fetch('b', 'a')).data?.['_entities']).toEqual([item('B', 2), item('A', 1)]);
    expect(catalog.requests).toHaveLength(calls);
    expect(stats.snapshot()).toMatchObject({ hits: 2, misses: 2 });
  });

  it('points errors of a partial fetch at the original positions, and caches neither errors nor nulls', async () => {
    const { catalog, fetch } = setUp();
    catalog.items.set('a', item('A', 1)).set('b', item('B', 2));
    catalog.errorFor.add('b');
    await fetch('a');
    const response = await fetch('a', 'b', 'missing');
    expect(response.errors?.[0]?.path).toEqual(['_entities', 1, 'price']);
    expect(response.data?.['_entities']).toEqual([item('A', 1), item('B', 2), null]);
    catalog.errorFor.clear();
    await fetch('a', 'b', 'missing');
    expect(catalog.requests.at(-1)?.representations.map(({ id }) => id)).toEqual(['b', 'missing']);
  });

  it('goes to the subgraph, without an error, when the backend fails', async () => {
    const failing: CacheBackend = {
      kind: 'failing',
      versions: () => Promise.reject(new Error('down')),
      bump: () => Promise.reject(new Error('down')),
      get: () => Promise.reject(new Error('down')),
      set: () => Promise.reject(new Error('down')),
      close: () => Promise.resolve(),
    };
    const { catalog, fetch, stats } = setUp(failing);
    catalog.items.set('a', item('A', 1));
    expect((await fetch('a')).data?.['_entities']).toEqual([item('A', 1)]);
    expect((await fetch('a')).data?.['_entities']).toEqual([item('A', 1)]);
    expect(catalog.requests).toHaveLength(2);
    expect(stats.snapshot().backendErrors).toBe(2);
  });
});
