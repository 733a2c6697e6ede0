import { runSubgraph } from '@play-economy/chassis';
import { inventorySubgraph } from './inventorySubgraph.ts';

await runSubgraph(inventorySubgraph);
