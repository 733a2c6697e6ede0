import { runSubgraph } from '@play-economy/chassis';
import { tradingSubgraph } from './tradingSubgraph.ts';

await runSubgraph(tradingSubgraph);
