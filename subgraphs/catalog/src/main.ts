import { runSubgraph } from '@play-economy/chassis';
import { catalogSubgraph } from './catalogSubgraph.ts';

await runSubgraph(catalogSubgraph);
