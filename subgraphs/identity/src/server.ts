import { startSubgraph, type StartSubgraphOptions } from '@play-economy/chassis';
import type { IdentityConfig } from './config.ts';
import { identitySubgraph } from './identitySubgraph.ts';

export { identitySubgraph as subgraph, JWKS_PATH } from './identitySubgraph.ts';

/** Boots the identity subgraph (see `startSubgraph`). */
export const start = (config: IdentityConfig, options: StartSubgraphOptions<IdentityConfig> = {}) =>
  startSubgraph(identitySubgraph, { ...options, config });

export type RunningIdentity = Awaited<ReturnType<typeof start>>;
