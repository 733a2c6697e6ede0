import { Supergraph } from '@apollo/federation-internals';
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CostModel } from '../../src/limits/CostModel.ts';
import { composeSupergraph } from '../support/composeSupergraph.ts';

const FEDERATION = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@cost", "@listSize", "@shareable"])`;

const supergraphSdl = composeSupergraph([
  {
    name: 'shop',
    url: 'http://shop/graphql',
    sdl: `${FEDERATION}
      type Query {
        items(first: Int = 20, after: String): ItemConnection! @listSize(slicingArguments: ["first"], sizedFields: ["edges"])
        featured: [Item!]! @listSize(assumedSize: 5)
        search(limit: Int = 15): [Item!]!
        everything: [Item!]!
        node(id: ID!): Node
        appraise(id: ID!, deep: Boolean @cost(weight: 7)): Int @cost(weight: 30)
      }
      type Mutation { buy(id: ID!): Item }
      interface Node { id: ID! }
      type ItemConnection { edges: [ItemEdge!]! totalCount: Int! }
      type ItemEdge { node: Item! cursor: String! }
      type Item implements Node @key(fields: "id") { id: ID! name: String! tags: [String!]! }
      type Seller implements Node { id: ID! items: [Item!]! @listSize(assumedSize: 3) rating: Rating! }
      type Rating @cost(weight: 4) { stars: Int! }`,
  },
  {
    name: 'reviews',
    url: 'http://reviews/graphql',
    sdl: `${FEDERATION}
      type Item @key(fields: "id") { id: ID! reviews(first: Int = 10): [Review!]! }
      type Review { body: String! }`,
  },
]);
const apiSchema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
const model = new CostModel(apiSchema, supergraphSdl, { defaultListSize: 10 });

function priced(source: string, variables: Record<string, unknown> = {}, data?: unknown) {
  const document = parse(source);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  return data === undefined
    ? model.estimate(operation, fragments, variables)
    : model.actual(operation, fragments, variables, data as Record<string, unknown>);
}

describe('CostModel.estimate', () => {
  it('charges 1 per object, 0 per leaf', () => {
    expect(priced('{ node(id: "1") { id } }')).toBe(1);
    expect(priced('{ __typename }')).toBe(0);
  });

  it('sizes a connection by its slicing argument, carried to its sized fields', () => {
    // items 1 + 7 edges × (edge 1 + node 1)
    expect(priced('{ items(first: 7) { edges { node { name } } totalCount } }')).toBe(15);
    // The argument's default when it is not given.
    expect(priced('{ items { edges { node { name } } } }')).toBe(41);
    // A variable counts as its value.
    expect(priced('query ($n: Int) { items(first: $n) { edges { cursor } } }', { n: 3 })).toBe(4);
  });

  it('takes assumedSize, then a conventional slicing argument, then the default list size', () => {
    expect(priced('{ featured { name } }')).toBe(5);
    expect(priced('{ search(limit: 4) { name } }')).toBe(4);
    expect(priced('{ search { name } }')).toBe(15);
    expect(priced('{ everything { name } }')).toBe(10);
  });

  it('multiplies nested lists, across subgraphs', () => {
    // 5 featured × (1 + 10 reviews × 1)
    expect(priced('{ featured { reviews { body } } }')).toBe(55);
    expect(priced('{ featured { reviews(first: 2) { body } } }')).toBe(15);
  });

  it('applies @cost on fields, arguments and types', () => {
    expect(priced('{ appraise(id: "1") }')).toBe(30);
    expect(priced('{ appraise(id: "1", deep: true) }')).toBe(37);
    // Rating weighs 4 wherever it is returned.
    expect(priced('{ node(id: "1") { ... on Seller { rating { stars } } } }')).toBe(5);
  });

  it('prices an abstract type as its most expensive possible type', () => {
    const query = `{ node(id: "1") { id ... on Seller { items { name } } ...ItemParts } }
      fragment ItemParts on Item { tags }`;
    // Seller: 1 + 3 items; Item: 1 (tags are leaves).
    expect(priced(query)).toBe(4);
  });

  it('counts fields under the same response key once, and skipped fields not at all', () => {
    expect(priced('{ featured { name } featured { tags } }')).toBe(5);
    expect(priced('query ($no: Boolean!) { featured @skip(if: $no) { name } }', { no: true })).toBe(
      0,
    );
    expect(priced('{ a: featured { name } b: featured { name } }')).toBe(10);
  });

  it('adds a base cost to mutations', () => {
    expect(priced('mutation { buy(id: "1") { id } }')).toBe(11);
  });
});

describe('CostModel.actual', () => {
  it('prices what came back: the lists at their real lengths', () => {
    const data = {
      items: {
        edges: [{ node: { name: 'a' } }, { node: { name: 'b' } }],
      },
    };
    expect(priced('{ items(first: 50) { edges { node { name } } } }', {}, data)).toBe(5);
    expect(priced('{ featured { reviews { body } } }', {}, { featured: [{ reviews: [] }] })).toBe(
      1,
    );
    expect(priced('{ node(id: "1") { id } }', {}, { node: null })).toBe(1);
  });
});
