import { describe, expect, it } from 'vitest';
import { RepresentationSet } from '../../src/engine/RepresentationSet.ts';

/** Adds each representation with an entity of its own; returns the set and the entities. */
function collect(representations: Record<string, unknown>[]) {
  const set = new RepresentationSet();
  const entities = representations.map((representation, index) => {
    const entity = { index };
    set.add(representation, entity);
    return entity;
  });
  return { set, entities };
}

describe('RepresentationSet', () => {
  it('keeps each distinct representation once, with every entity it stands for', () => {
    const { set, entities } = collect([
      { __typename: 'User', id: '1' },
      { __typename: 'User', id: '2' },
      { __typename: 'User', id: '1' },
      { __typename: 'Product', id: '1' },
    ]);
    expect(set.representations).toEqual([
      { __typename: 'User', id: '1' },
      { __typename: 'User', id: '2' },
      { __typename: 'Product', id: '1' },
    ]);
    expect(set.entities).toEqual([[entities[0], entities[2]], [entities[1]], [entities[3]]]);
  });

  it('tells values of different types apart: a string id is not the number', () => {
    const { set } = collect([
      { __typename: 'T', id: '1' },
      { __typename: 'T', id: 1 },
      { __typename: 'T', id: true },
      { __typename: 'T', id: 'true' },
      { __typename: 'T', id: null },
      { __typename: 'T', id: 'null' },
    ]);
    expect(set.size).toBe(6);
  });

  it('tells representations apart by their fields, not only their values', () => {
    const { set } = collect([
      { __typename: 'T', id: '1' },
      { __typename: 'T', upc: '1' },
      { __typename: 'T', upc: '1' },
      { __typename: 'T', id: '1', sku: 'a' },
      { __typename: 'T' },
      { __typename: 'T', id: '1' },
    ]);
    expect(set.representations).toEqual([
      { __typename: 'T', id: '1' },
      { __typename: 'T', upc: '1' },
      { __typename: 'T', id: '1', sku: 'a' },
      { __typename: 'T' },
    ]);
    expect(set.entities.map((entities) => entities.length)).toEqual([2, 2, 1, 1]);
  });

  it('compares composite keys and required objects by value', () => {
    const { set } = collect([
      { __typename: 'T', key: { a: 1, b: ['x'] } },
      { __typename: 'T', key: { a: 1, b: ['x'] } },
      { __typename: 'T', key: { a: 1, b: ['y'] } },
      { __typename: 'T', key: '{"a":1,"b":["x"]}' },
    ]);
    expect(set.representations).toEqual([
      { __typename: 'T', key: { a: 1, b: ['x'] } },
      { __typename: 'T', key: { a: 1, b: ['y'] } },
      { __typename: 'T', key: '{"a":1,"b":["x"]}' },
    ]);
    expect(set.entities.map((entities) => entities.length)).toEqual([2, 1, 1]);
  });
});
