import { createHash } from 'node:crypto';
import type { GraphQLDataSource } from '@apollo/gateway';
import type { SubscriptionNode } from '@apollo/query-planner';
import type { Viewer } from '@play-economy/chassis/web';
import {
  GraphQLError,
  print,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import {
  buildAuthorizationIndex,
  type AuthorizationIndex,
} from '../authorization/buildAuthorizationIndex.ts';
import { filterOperation, type FilteredOperation } from '../authorization/filterOperation.ts';
import { restoreRemovedFields } from '../authorization/restoreRemovedFields.ts';
import { SupergraphRuntime, type PreparedOperation } from '../engine/SupergraphRuntime.ts';
import type { AdmittedOperation } from '../pipeline/OperationPipeline.ts';
import type { PreparedSupergraph } from '../supergraph/prepareSupergraph.ts';
import type { UpstreamEndpoint } from './UpstreamConnections.ts';
import { withCode } from '../errors/withCode.ts';

export interface SubscriptionPlannerOptions {
  /** The API schema the gateway serves (what clients validate against). */
  apiSchema: GraphQLSchema;
  /** The supergraph SDL the gateway was given (SECURITY purposes removed). */
  coreSupergraphSdl: string;
  /** The same supergraph as the router prepared it, with the directives it enforces. */
  prepared: PreparedSupergraph;
  /** One data source per subgraph name, for the entity fetches that follow each event. */
  dataSources: Readonly<Record<string, GraphQLDataSource>>;
  /**
   * The runtime HTTP requests run on for this supergraph, to plan and run on as well; without
   * it (the router on `@apollo/gateway`), the planner builds one of its own on `dataSources`.
   */
  runtime?: SupergraphRuntime | undefined;
  /** The authorization index HTTP requests are checked against; built here without it. */
  index?: AuthorizationIndex | undefined;
  /** Where each subgraph is, overrides applied. */
  endpoints: Readonly<Record<string, UpstreamEndpoint>>;
  /** Plans kept per supergraph. Default `500`. */
  cacheSize?: number;
}

/** A subscription ready to run: authorized, planned, its variables coerced. */
export interface PlannedSubscription {
  planner: SubscriptionPlanner;
  /** The document to execute: the client's, minus the fields the caller may not read. */
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationName: string | undefined;
  /** Set when fields were removed: put back as `null` with errors in each result. */
  filtered: FilteredOperation | undefined;
  variables: Record<string, unknown>;
  node: SubscriptionNode;
  /** The operation as the engine runs it: its plan and its compiled response shaping. */
  prepared: PreparedOperation;
  /** Identifies the executed document and its variables (not the caller). */
  key: string;
}

/**
 * What the router knows of one supergraph for subscriptions: its API schema, authorization
 * index and query planner (`@apollo/query-planner` plans a subscription as a `SubscriptionNode`:
 * the `primary` fetch that subscribes on the owning subgraph, then the `rest` of the plan run
 * for every event). Built again on every supergraph the gateway loads.
 */
export class SubscriptionPlanner {
  static #built = 0;
  /** Tells planners of successive supergraphs apart. */
  readonly generation = (SubscriptionPlanner.#built += 1);
  readonly apiSchema: GraphQLSchema;
  /** Plans and runs the subscription's operations, as the engine does for HTTP. */
  readonly runtime: SupergraphRuntime;
  readonly endpoints: Readonly<Record<string, UpstreamEndpoint>>;
  readonly #index: AuthorizationIndex;

  constructor(options: SubscriptionPlannerOptions) {
    this.apiSchema = options.apiSchema;
    const { dataSources } = options;
    this.runtime =
      options.runtime ??
      new SupergraphRuntime({
        sdl: options.coreSupergraphSdl,
        buildService: ({ name }) => {
          const dataSource = dataSources[name];
          if (!dataSource) throw new Error(`no data source for subgraph ${name}`);
          return dataSource;
        },
        // The HTTP side has loaded (and checked) this supergraph already.
        validate: false,
        operationCacheSize: options.cacheSize ?? 500,
      });
    this.#index =
      options.index ??
      buildAuthorizationIndex(options.prepared.sdl, options.prepared.securityFeatures);
    this.endpoints = options.endpoints;
  }

  /**
   * Authorizes and plans one subscription the pipeline admitted, for `viewer`. Returns the
   * errors to send instead when it asks only for fields the caller may not read, or (admitted
   * against a supergraph since replaced) is not valid against this one.
   */
  plan(
    admitted: AdmittedOperation,
    viewer: Viewer | null,
  ): PlannedSubscription | readonly GraphQLError[] {
    const { document, operation } = admitted;
    if (admitted.schema !== this.apiSchema) {
      const errors = validate(this.apiSchema, document);
      if (errors.length > 0) {
        return errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
      }
    }
    const variables = admitted.coercedVariables;

    let executed = { document, operation };
    let filtered: FilteredOperation | undefined;
    if (!this.#index.empty) {
      const result = filterOperation({
        schema: this.apiSchema,
        index: this.#index,
        document,
        operation,
        viewer,
      });
      if (result.empty) {
        const { errors } = restoreRemovedFields(null, {
          schema: this.apiSchema,
          filtered: result,
          variables,
        });
        return errors.length > 0 ? errors : [new GraphQLError('Nothing to subscribe to')];
      }
      if (!result.unchanged) {
        filtered = result;
        executed = { document: result.document, operation: result.operation };
      }
    }

    const name = executed.operation.name?.value;
    const printed = print(executed.document);
    const planKey = `${name ?? ''}\u0000${printed}`;
    const prepared = this.runtime.prepare(planKey, executed.document, name);
    const node = prepared.plans[0]?.node;
    if (node?.kind !== 'Subscription') {
      return [new GraphQLError('This subscription cannot be planned')];
    }
    return {
      planner: this,
      document: executed.document,
      operation: executed.operation,
      operationName: name,
      filtered,
      variables,
      node,
      prepared,
      key: createHash('sha256')
        .update(planKey)
        .update('\u0000')
        .update(stableJson(variables))
        .digest('hex'),
    };
  }
}

/** JSON with object keys sorted, so equal variables give equal keys. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
