import { describe, expect, it } from 'vitest';
import { createBatchLoader } from '../../src/graphql/createBatchLoader.ts';

describe('createBatchLoader', () => {
  it('answers the loads of one turn with one batch, each with its own value', async () => {
    const batches: string[][] = [];
    const loader = createBatchLoader(async (keys: readonly string[]) => {
      batches.push([...keys]);
      return keys.map((key) => key.length);
    });
    const values = await Promise.all([
      loader.load('a'),
      Promise.resolve().then(() => loader.load('bbb')),
      loader.load('cc'),
    ]);
    expect(values).toEqual([1, 3, 2]);
    expect(batches).toEqual([['a', 'cc', 'bbb']]);
    expect(await loader.load('dddd')).toBe(4);
    expect(batches).toHaveLength(2);
  });

  it('rejects every load of a failed batch', async () => {
    const loader = createBatchLoader<string, number>(async () => {
      throw new Error('store down');
    });
    const results = await Promise.allSettled([loader.load('a'), loader.load('b')]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });
});
