import { describe, expect, it } from 'vitest';
import { mergeInto, selectRepresentation } from '../../src/engine/fetchData.ts';
import { TypeRelations } from '../../src/engine/TypeRelations.ts';
import { buildSchema } from 'graphql';

describe('mergeInto', () => {
  it('merges objects and same-length lists in place', () => {
    const target = { a: { b: 1 }, list: [{ x: 1 }, { x: 2 }] };
    mergeInto(target, { a: { c: 2 }, list: [{ y: 1 }, { y: 2 }] });
    expect(target).toEqual({
      a: { b: 1, c: 2 },
      list: [
        { x: 1, y: 1 },
        { x: 2, y: 2 },
      ],
    });
  });

  it('keeps `__proto__` and `constructor` from subgraph JSON as fields, never touching prototypes', () => {
    const target: Record<string, unknown> = {};
    mergeInto(target, JSON.parse('{"__proto__":{"polluted":true},"constructor":{"name":"x"}}'));
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.hasOwn(target, '__proto__')).toBe(true);
    expect(JSON.stringify(target)).toBe(
      '{"__proto__":{"polluted":true},"constructor":{"name":"x"}}',
    );
  });
});

describe('selectRepresentation', () => {
  const types = new TypeRelations(
    buildSchema(
      'interface Node { id: ID! } type A implements Node { id: ID! } type Query { a: A }',
    ),
  );

  it('selects the required fields, type conditions by __typename', () => {
    const entity = { __typename: 'A', id: '1', name: 'a' };
    const representation = selectRepresentation(
      entity,
      [
        { kind: 'Field', name: '__typename' },
        {
          kind: 'InlineFragment',
          typeCondition: 'Node',
          selections: [{ kind: 'Field', name: 'id' }],
        },
      ],
      types,
    );
    expect(representation).toEqual({ __typename: 'A', id: '1' });
  });

  it('is null when a required field is missing (it failed upstream)', () => {
    expect(
      selectRepresentation({ __typename: 'A' }, [{ kind: 'Field', name: 'id' }], types),
    ).toBeNull();
  });
});
