import { parse } from 'graphql';
import type { LeanSubgraph } from './LeanSubgraph.ts';

/** What inventory stores of a product: whether it is in stock, and nothing of its price or weight. */
interface StockRecord {
  upc: string;
  inStock: boolean;
  price?: number;
  weight?: number;
}

const STOCK: readonly StockRecord[] = [
  { upc: '1', inStock: true },
  { upc: '2', inStock: false },
  { upc: '3', inStock: false },
  { upc: '4', inStock: false },
  { upc: '5', inStock: true },
  { upc: '6', inStock: true },
  { upc: '7', inStock: true },
  { upc: '8', inStock: false },
  { upc: '9', inStock: true },
];

/**
 * Inventory: `inStock`, and `shippingEstimate`, which `@requires` the price and weight owned by
 * products, so a router must fetch those from products before it asks inventory.
 *
 * As in the public benchmark, the entity is resolved from inventory's own record, which has no
 * price or weight: the required fields the router sends are not read, and `shippingEstimate`
 * is `null` for every product, as in the answer that benchmark expects. The router's work, two
 * sequential fetches with the required fields in the representations, is the same.
 */
export const inventory: LeanSubgraph = {
  name: 'inventory',
  typeDefs: parse(`
    extend schema
      @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])

    type Product @key(fields: "upc") {
      upc: String!
      weight: Int @external
      price: Int @external
      """Whether the warehouse has it."""
      inStock: Boolean
      """Shipping cost in cents, from price and weight."""
      shippingEstimate: Int @requires(fields: "price weight")
    }
  `),
  resolvers: {
    Product: {
      __resolveReference: ({ upc }: { upc: string }) =>
        STOCK.find((record) => record.upc === upc) ?? null,
      shippingEstimate: ({ price, weight }: StockRecord) => {
        if (price === undefined) return null;
        if (price > 1000) return 0;
        return weight === undefined ? null : Math.floor(weight / 2);
      },
    },
  },
};
