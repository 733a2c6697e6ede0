import { accounts } from './accounts.ts';
import { inventory } from './inventory.ts';
import type { LeanSubgraph } from './LeanSubgraph.ts';
import { products } from './products.ts';
import { reviews } from './reviews.ts';

/** The four subgraphs of the federation benchmark, as the public gateways benchmark has them. */
export const leanSubgraphs: readonly LeanSubgraph[] = [accounts, inventory, products, reviews];
