import { Supergraph } from '@apollo/federation-internals';
import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { RequiresWithArguments } from '../../src/engine/RequiresWithArguments.ts';
import { SupergraphRuntime } from '../../src/engine/SupergraphRuntime.ts';
import { dropShadowedUnresolvableKeys } from '../../src/supergraph/dropShadowedUnresolvableKeys.ts';
import { composeSupergraph } from '../support/composeSupergraph.ts';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import:';

/** Products from `b`; `a` computes estimates from prices it requires in two currencies. */
const requiresSupergraph = composeSupergraph([
  {
    name: 'a',
    url: 'http://a.test/graphql',
    sdl: `${LINK} ["@key", "@external", "@requires"])
      type Product @key(fields: "upc") {
        upc: String!
        price(currency: String!): Int @external
        estimate: Int @requires(fields: "price(currency: \\"USD\\")")
        estimateEur: Int @requires(fields: "price(currency: \\"EUR\\")")
      }`,
  },
  {
    name: 'b',
    url: 'http://b.test/graphql',
    sdl: `${LINK} ["@key"])
      type Query { products: [Product] }
      type Product @key(fields: "upc") { upc: String! price(currency: String!): Int }`,
  },
]);
const supergraph = Supergraph.build(requiresSupergraph);
const api = supergraph.apiSchema().toGraphQLJSSchema();
const requires = new RequiresWithArguments(supergraph.schema.toGraphQLJSSchema());

describe('RequiresWithArguments', () => {
  it('aliases a client field that a @requires also selects with arguments', () => {
    const document = parse('{ products { upc price(currency: "GBP") } }');
    expect(print(requires.aliasIn(document, api))).toContain('__pe_price: price(currency: "GBP")');
  });

  it('leaves other fields, and documents without such fields, as they are', () => {
    const document = parse('{ products { upc estimate } }');
    expect(requires.aliasIn(document, api)).toBe(document);
  });

  it('splits a query asking for two fields whose requires conflict, one plan each', () => {
    const variants = requires.splitConflicts(
      parse('{ products { upc estimate estimateEur } }'),
      api,
    );
    expect(variants.map((variant) => print(variant).replace(/\s+/g, ' '))).toEqual([
      '{ products { upc estimate } }',
      '{ products { upc estimateEur } }',
    ]);
  });

  it('never splits a mutation', () => {
    const document = parse('mutation { __typename }');
    expect(requires.splitConflicts(document, api)).toEqual([document]);
  });

  it('makes the runtime plan each conflicting field with its own arguments', () => {
    const runtime = new SupergraphRuntime({
      sdl: requiresSupergraph,
      buildService: () => ({ process: () => Promise.reject(new Error('no fetch expected')) }),
      validate: true,
      operationCacheSize: 10,
    });
    const prepared = runtime.prepare(
      'k',
      parse('{ products { estimate estimateEur } }'),
      undefined,
    );
    const fetched = prepared.plans.map((plan) => JSON.stringify(plan));
    expect(fetched).toHaveLength(2);
    expect(fetched[0]).toContain('USD');
    expect(fetched[1]).toContain('EUR');
  });
});

describe('dropShadowedUnresolvableKeys', () => {
  const typeWithKeys = (keys: string) => parse(`type A ${keys} { id: ID! }`, { noLocation: true });

  it('drops an unresolvable key of a subgraph that has a resolvable one', () => {
    const document = typeWithKeys(
      '@join__type(graph: B, key: "x", resolvable: false) @join__type(graph: B, key: "id")',
    );
    expect(print(dropShadowedUnresolvableKeys(document, 'join'))).toBe(
      'type A @join__type(graph: B, key: "id") {\n  id: ID!\n}',
    );
  });

  it('keeps the only keys of a subgraph, resolvable or not', () => {
    const document = typeWithKeys(
      '@join__type(graph: A, key: "id") @join__type(graph: B, key: "x", resolvable: false)',
    );
    expect(dropShadowedUnresolvableKeys(document, 'join')).toBe(document);
  });
});
