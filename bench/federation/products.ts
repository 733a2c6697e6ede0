import { parse } from 'graphql';
import type { LeanSubgraph } from './LeanSubgraph.ts';

interface Product {
  upc: string;
  name: string;
  price: number;
  weight: number;
}

const PRODUCTS: readonly Product[] = [
  { upc: '1', name: 'Table', price: 899, weight: 100 },
  { upc: '2', name: 'Couch', price: 1299, weight: 1000 },
  { upc: '3', name: 'Glass', price: 15, weight: 20 },
  { upc: '4', name: 'Chair', price: 499, weight: 100 },
  { upc: '5', name: 'TV', price: 1299, weight: 1000 },
  { upc: '6', name: 'Lamp', price: 6999, weight: 300 },
  { upc: '7', name: 'Grill', price: 3999, weight: 2000 },
  { upc: '8', name: 'Fridge', price: 100000, weight: 6000 },
  { upc: '9', name: 'Sofa', price: 9999, weight: 800 },
];

/** Products: `topProducts`, and the name, price and weight of every product. */
export const products: LeanSubgraph = {
  name: 'products',
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

    type Query {
      """The first products of the catalogue."""
      topProducts(first: Int = 5): [Product]
    }

    """A product for sale."""
    type Product @key(fields: "upc") {
      """Universal product code."""
      upc: String!
      name: String
      """In cents."""
      price: Int
      """In grams."""
      weight: Int
    }
  `),
  resolvers: {
    Query: {
      topProducts: (_: unknown, { first }: { first: number }) =>
        PRODUCTS.slice(0, Math.max(0, first)),
    },
    Product: {
      __resolveReference: ({ upc }: { upc: string }) =>
        PRODUCTS.find((product) => product.upc === upc) ?? null,
    },
  },
};
