import type { FieldSelection } from '@apollo/federation-internals';
import type { GraphQLDataSource, SupergraphSdlHook } from '@apollo/gateway';
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import type { Logger } from '@play-economy/chassis/web';
import {
  executeSync,
  GraphQLError,
  Kind,
  OperationTypeNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { RouterContext } from '../subgraphs/SubgraphDataSource.ts';
import { executeOperation } from './executeOperation.ts';
import { SupergraphRuntime, type CacheLookups } from './SupergraphRuntime.ts';

type GatewayInterface = ApolloServerOptionsWithGateway<RouterContext>['gateway'];
type SchemaListener = Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;
type GatewayRequestContext = Parameters<GatewayExecutor>[0];
type GatewayResult = Awaited<ReturnType<GatewayExecutor>>;

export interface FederatedEngineOptions {
  /** Where supergraphs come from: the first one, and updates (as `@apollo/gateway` takes it). */
  supergraphSdl: SupergraphSdlHook;
  /** The data source of each subgraph of a supergraph, built when it loads. */
  buildService: (definition: { name: string; url: string }) => GraphQLDataSource<RouterContext>;
  logger: Logger;
  /** Planned operations kept per supergraph (least recently used dropped). Default `1000`. */
  operationCacheSize?: number;
  /** Check each supergraph's consistency when loading it. Default: outside production. */
  validateSupergraph?: boolean;
  /** Counts lookups in the plan cache. */
  cacheLookups?: CacheLookups;
}

/**
 * The router's execution engine behind Apollo Server's gateway interface: Apollo's query
 * planner plans each operation once (plans cached per supergraph), and the router executes
 * the plan itself (`executePlan`) and shapes the response with a shaping compiled per
 * operation (`compileResponseShape`). Answers are the same as `@apollo/gateway`'s, which the
 * tests hold it to.
 */
export class FederatedEngine implements GatewayInterface {
  readonly #options: FederatedEngineOptions;
  readonly #listeners = new Set<SchemaListener>();
  readonly #runtimes = new WeakMap<GraphQLSchema, SupergraphRuntime>();
  #current: SupergraphRuntime | undefined;
  #cleanup: (() => Promise<void>) | undefined;

  constructor(options: FederatedEngineOptions) {
    this.#options = options;
  }

  onSchemaLoadOrUpdate(listener: SchemaListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async load(): Promise<{ executor: GatewayExecutor }> {
    const { supergraphSdl, cleanup } = await this.#options.supergraphSdl({
      update: (sdl) => this.#install(sdl),
      healthCheck: async () => undefined,
      getDataSource: ({ name }) => {
        const dataSource = this.#current?.dataSources.get(name);
        if (!dataSource) throw new Error(`no subgraph named "${name}"`);
        return dataSource;
      },
    });
    this.#cleanup = cleanup;
    this.#install(supergraphSdl);
    return { executor: (requestContext) => this.#execute(requestContext) };
  }

  /**
   * The runtime serving `apiSchema`: subscriptions plan and run on it too, so a supergraph has
   * one planner, one plan cache and one set of data sources.
   */
  runtimeFor(apiSchema: GraphQLSchema): SupergraphRuntime | undefined {
    return this.#runtimes.get(apiSchema);
  }

  async stop(): Promise<void> {
    await this.#cleanup?.();
    this.#cleanup = undefined;
  }

  /** Loads a supergraph and serves it from now on; throws, keeping the current one, if invalid. */
  #install(sdl: string): void {
    const runtime = new SupergraphRuntime({
      sdl,
      buildService: this.#options.buildService as SupergraphRuntimeService,
      validate: this.#options.validateSupergraph ?? process.env['NODE_ENV'] !== 'production',
      operationCacheSize: this.#options.operationCacheSize ?? 1000,
      cacheLookups: this.#options.cacheLookups,
    });
    this.#runtimes.set(runtime.apiGraphQLSchema, runtime);
    this.#current = runtime;
    for (const listener of this.#listeners) {
      try {
        listener({ apiSchema: runtime.apiGraphQLSchema, coreSupergraphSdl: sdl });
      } catch (error) {
        this.#options.logger.error({ err: error }, 'a supergraph listener failed');
      }
    }
  }

  async #execute(requestContext: GatewayRequestContext): Promise<GatewayResult> {
    const runtime = this.#runtimes.get(requestContext.schema);
    if (!runtime) throw new Error('the request was validated against a schema not served');
    // The pipeline chose the operation (and authorization may have filtered it).
    const { request, document, queryHash, operation: definition } = requestContext;
    if (!definition) throw new Error('the request carries no operation');
    const operationName = definition.name?.value;

    // Checked against the operation's definitions by the pipeline, before execution.
    const variables = request.variables ?? {};

    let prepared;
    try {
      prepared = runtime.prepare(queryHash, document, operationName);
    } catch (error) {
      if (error instanceof GraphQLError) return { errors: [error] };
      throw error;
    }
    if (prepared.plans[0]?.node?.kind === 'Subscription') {
      throw new Error('subscriptions are served over WebSocket, not by this executor');
    }
    return executeOperation({
      runtime,
      prepared,
      variables,
      requestContext: requestContext as never,
      introspect: (selection) =>
        introspect(runtime.apiGraphQLSchema, selection, definition, variables),
    });
  }
}

type SupergraphRuntimeService = ConstructorParameters<typeof SupergraphRuntime>[0]['buildService'];

/** Answers a `__schema` or `__type` field from the API schema. */
function introspect(
  schema: GraphQLSchema,
  selection: FieldSelection,
  definition: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): unknown {
  const field = selection.expandFragments().toSelectionNode();
  const { data, errors } = executeSync({
    schema,
    document: {
      kind: Kind.DOCUMENT,
      definitions: [
        {
          kind: Kind.OPERATION_DEFINITION,
          operation: OperationTypeNode.QUERY,
          ...(definition.variableDefinitions
            ? { variableDefinitions: definition.variableDefinitions }
            : {}),
          selectionSet: { kind: Kind.SELECTION_SET, selections: [field] },
        },
      ],
    },
    rootValue: {},
    variableValues: variables,
  });
  if (errors?.length) throw errors[0];
  return data?.[field.alias?.value ?? field.name.value];
}
