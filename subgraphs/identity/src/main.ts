import { runSubgraph } from '@play-economy/chassis';
import { identitySubgraph } from './identitySubgraph.ts';

await runSubgraph(identitySubgraph);
