export {
  createRouter,
  type LandingPage,
  type RouterOptions,
  type RunningRouter,
} from './createRouter.ts';
export {
  prepareSupergraph,
  type LinkedSecurityFeature,
  type PreparedSupergraph,
  type SupergraphSubgraph,
} from './supergraph/prepareSupergraph.ts';
export { parseSubgraphUrls } from './subgraphs/parseSubgraphUrls.ts';
export { loadRouterConfig, type RouterConfig } from './config.ts';
