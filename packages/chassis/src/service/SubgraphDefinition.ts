import type { Subscription } from '../bus/EventBus.ts';
import type { SubgraphConfig } from '../config/subgraphConfig.ts';
import type { PublicRoute, RequestContext } from '../graphql/serveSubgraph.ts';
import type { ServiceRuntime } from './startServiceRuntime.ts';

/** What `wire` receives: everything the chassis built for the subgraph, and its settings. */
export interface SubgraphRuntime<TConfig> extends ServiceRuntime {
  /** The subgraph's validated settings. */
  config: TConfig;
  /** The time now; one source for every use case. */
  clock: () => Date;
}

/**
 * A chore the chassis runs every `everyMs` while the subgraph runs: never two runs at once, a
 * failure logged (and the next run goes ahead), stopped before the subgraph shuts down.
 */
export interface Timer {
  /** Named in the logs. */
  name: string;
  everyMs: number;
  run(): Promise<void>;
}

/** What a subgraph hands the chassis once wired. */
export interface SubgraphWiring<TContext extends RequestContext, TExposed extends object> {
  /** Adds the subgraph's part (its use cases, per-request loaders) to each request's context. */
  context(base: RequestContext): TContext;
  /** Message subscribers: the chassis subscribes each of them to the bus before serving. */
  subscribers?: readonly Subscription[];
  /** Background chores, started once the subgraph serves and stopped first on shutdown. */
  timers?: readonly Timer[];
  /** JSON endpoints anyone may call beside `/graphql` (e.g. a JWKS). */
  publicRoutes?: readonly PublicRoute[];
  /** What the running subgraph offers its starter (tests, the local stack), given its URL. */
  expose?: (served: { url: string }) => TExposed;
}

/**
 * A subgraph as one module: its name (which names its `<NAME>_*` settings and its entry in
 * `rover.yaml`), its SDL file, its settings loader and `wire`, which builds its use cases and
 * subscribers on what the chassis started. `startSubgraph` boots any definition.
 */
export interface SubgraphDefinition<
  TConfig extends SubgraphConfig = SubgraphConfig,
  TContext extends RequestContext = RequestContext,
  TExposed extends object = object,
> {
  name: string;
  /**
   * The subgraph's own SDL file, with its federation `@link`. It is served behind the
   * definitions every subgraph shares (`common.graphql`).
   */
  schema: URL;
  /** Codegen's resolvers for that SDL. */
  resolvers: object;
  loadConfig(env?: Record<string, string | undefined>): TConfig;
  wire(runtime: SubgraphRuntime<TConfig>): Promise<SubgraphWiring<TContext, TExposed>>;
}

/** Names a definition so its type parameters are inferred from it. */
export function defineSubgraph<
  TConfig extends SubgraphConfig,
  TContext extends RequestContext,
  TExposed extends object = object,
>(
  definition: SubgraphDefinition<TConfig, TContext, TExposed>,
): SubgraphDefinition<TConfig, TContext, TExposed> {
  return definition;
}
