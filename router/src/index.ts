export {
  createRouter,
  type LandingPage,
  type RouterEngine,
  type RouterOptions,
  type RunningRouter,
} from './createRouter.ts';
export {
  prepareSupergraph,
  type LinkedSecurityFeature,
  type PreparedSupergraph,
  type SupergraphSubgraph,
} from './supergraph/prepareSupergraph.ts';
export type { SiteSettings } from './http/serveSite.ts';
export { parseSubgraphUrls } from './subgraphs/parseSubgraphUrls.ts';
export { loadRouterConfig, type RouterConfig } from './config.ts';
export {
  createAccessTokenVerifier,
  ASYMMETRIC_ALGORITHMS,
  type AccessTokenAlgorithm,
  type AccessTokenVerifier,
  type AccessTokenVerifierOptions,
} from './auth/createAccessTokenVerifier.ts';
export { bearerTokenOf } from './auth/bearerTokenOf.ts';
export { InvalidAccessToken, type BearerError } from './auth/InvalidAccessToken.ts';
export { KeySetUnavailable } from './auth/KeySetUnavailable.ts';
export {
  buildAuthorizationIndex,
  type AccessRequirement,
  type AuthorizationIndex,
} from './authorization/buildAuthorizationIndex.ts';
export { filterOperation, type FilteredOperation } from './authorization/filterOperation.ts';
export { restoreRemovedFields } from './authorization/restoreRemovedFields.ts';
export {
  startEntityCache,
  type EntityCacheSettings,
  type RunningEntityCache,
} from './cache/startEntityCache.ts';
export { CacheStats, type CacheStatsSnapshot } from './cache/CacheStats.ts';
export { readCacheHints, type CacheHint, type CacheHintIndex } from './cache/readCacheHints.ts';
export { SubscriptionCloseCode } from './subscriptions/SubscriptionCloseCode.ts';
export type { SubscriptionStats } from './subscriptions/SubscriptionStats.ts';
