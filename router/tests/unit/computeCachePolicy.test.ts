import { readFileSync } from 'node:fs';
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { analyzeSubgraphOperation } from '../../src/cache/analyzeSubgraphOperation.ts';
import { computeCachePolicy } from '../../src/cache/computeCachePolicy.ts';
import { readCacheHints } from '../../src/cache/readCacheHints.ts';

/** The project's own composed supergraph: the hints its subgraphs declare. */
const hints = readCacheHints(
  readFileSync(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8'),
);

function policyOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  if (!operation) throw new Error('no operation');
  const { maxAge, scope, entityTypes } = computeCachePolicy(hints, operation, fragments);
  return { maxAge, scope, entityTypes: [...entityTypes].sort() };
}

describe('the supergraph hints', () => {
  it('make catalog reads PUBLIC for 60 s, guarded by the Item type', () => {
    expect(policyOf('{ items { edges { node { id name price } } totalCount } }')).toEqual({
      maxAge: 60,
      scope: 'PUBLIC',
      entityTypes: ['Item'],
    });
    expect(
      policyOf('query ($id: ID!) { item(id: $id) { ...F } } fragment F on Item { name }'),
    ).toMatchObject({ maxAge: 60, scope: 'PUBLIC' });
  });

  it('make anything about a user PRIVATE', () => {
    expect(policyOf('{ me { id username gil } }')).toMatchObject({
      maxAge: 30,
      scope: 'PRIVATE',
    });
  });

  it('never cache what depends on the caller: ownedQuantity, inventories, purchases', () => {
    expect(policyOf('{ items { edges { node { name ownedQuantity } } } }')).toMatchObject({
      maxAge: 0,
      scope: 'PRIVATE',
    });
    expect(policyOf('{ me { inventory { quantity } } }').maxAge).toBe(0);
    expect(policyOf('{ me { purchases { id } } }').maxAge).toBe(0);
  });

  it('never cache mutations', () => {
    expect(policyOf('mutation { deleteItem(id: "1") }').maxAge).toBe(0);
  });
});

describe('a subgraph fetch', () => {
  it('is an entity fetch with a policy per type', () => {
    const analysis = analyzeSubgraphOperation(
      hints,
      'query($representations:[_Any!]!){_entities(representations:$representations){...on Item{name price}}}',
      0,
    );
    expect(analysis.kind).toBe('entities');
    if (analysis.kind !== 'entities') return;
    expect(analysis.policies.get('Item')).toMatchObject({ maxAge: 60, scope: 'PUBLIC' });
  });

  it('gives an entity fetch of ownedQuantity a max-age of 0', () => {
    const analysis = analyzeSubgraphOperation(
      hints,
      'query($representations:[_Any!]!){_entities(representations:$representations){...on Item{ownedQuantity}}}',
      0,
    );
    expect(analysis.kind === 'entities' && analysis.policies.get('Item')?.maxAge).toBe(0);
  });

  it('is not cached when it is a mutation or does not parse', () => {
    expect(analyzeSubgraphOperation(hints, 'mutation { deleteItem(id: "1") }', 0).kind).toBe(
      'uncached',
    );
    expect(analyzeSubgraphOperation(hints, '{ items {', 0).kind).toBe('uncached');
  });
});

describe('hints written by hand', () => {
  const index = readCacheHints(`
    schema
      @link(url: "https://specs.apollo.dev/link/v1.0")
      @link(url: "https://play-economy.dev/cacheControl/v0.1", import: [{ name: "@cacheControl", as: "@hint" }])
    { query: Query }
    type Query { a: A @hint(maxAge: 100) b: B c: A @hint(maxAge: 5, scope: PRIVATE) n: Int }
    type A @hint(maxAge: 50) { x: Int y: Int @hint(maxAge: 10) inner: A @hint(inheritMaxAge: true) b: B }
    type B { z: Int }
  `);
  const policy = (query: string) => {
    const operation = parse(query).definitions[0] as OperationDefinitionNode;
    return computeCachePolicy(index, operation, new Map());
  };

  it('reads the directive under the name the link gives it', () => {
    expect(policy('{ a { x } }').maxAge).toBe(100);
  });

  it('takes the smallest max-age and PRIVATE if anything is', () => {
    expect(policy('{ a { x y } }').maxAge).toBe(10);
    expect(policy('{ a { x } c { x } }')).toMatchObject({ maxAge: 5, scope: 'PRIVATE' });
  });

  it('gives objects without hints, and root scalars without hints, max-age 0', () => {
    expect(policy('{ a { b { z } } }').maxAge).toBe(0);
    expect(policy('{ n }').maxAge).toBe(0);
  });

  it('lets inheritMaxAge take the parent field’s max-age', () => {
    expect(policy('{ a { inner { x } } }').maxAge).toBe(100);
  });
});
