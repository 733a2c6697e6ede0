import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  ErrorCode,
  operationLabeler,
  type Logger,
  type ServiceMetrics,
} from '@play-economy/chassis/web';
import { trace } from '@opentelemetry/api';
import {
  getVariableValues,
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  specifiedRules,
  validate,
  type DocumentNode,
  type FormattedExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import { cacheControlOf, type OperationCachePolicies } from '../cache/OperationCachePolicies.ts';
import type { ResponseCache } from '../cache/ResponseCache.ts';
import { rightsOf } from '../authorization/rightsOf.ts';
import type { CacheLookups } from '../engine/SupergraphRuntime.ts';
import { asGraphQLError, withCode } from '../errors/withCode.ts';
import { CostModel } from '../limits/CostModel.ts';
import { documentLimitRules, parseWithinLimits } from '../limits/documentLimits.ts';
import { callerKey, type RateLimits } from '../limits/RateLimits.ts';
import type { RequestLimitSettings } from '../limits/RequestLimits.ts';
import { sha256, type TrustedDocuments } from '../limits/TrustedDocuments.ts';
import type { RouterContext } from '../subgraphs/SubgraphDataSource.ts';

type GatewayInterface = ApolloServerOptionsWithGateway<RouterContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;
type GatewayRequestContext = Parameters<GatewayExecutor>[0];

/** One GraphQL request, as read from HTTP (or any other transport). */
export interface GraphQLRequest {
  query: string | undefined;
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
  extensions: Record<string, unknown> | undefined;
  /** A trusted document's id, sent instead of its text. */
  documentId?: string | undefined;
}

/** How a request arrived: the methods of GraphQL over HTTP, or a `subscribe` over WebSocket. */
export type Transport = 'GET' | 'POST' | 'WebSocket';

/** An operation that passed every check and may run. */
export interface AdmittedOperation {
  schema: GraphQLSchema;
  query: string;
  /** SHA-256 of the query text: the engine's plan cache key. */
  queryHash: string;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** The variables as sent (the executor coerces them again, as it must for any caller). */
  variables: Record<string, unknown>;
  /** The variables coerced to their types. */
  coercedVariables: Record<string, unknown>;
  /** The operation's estimated cost (`@cost`/`@listSize`). */
  estimatedCost: number;
}

/** Why an operation may not run, as the status, headers and errors to answer with. */
export interface Refusal {
  status: number;
  headers: Record<string, string>;
  errors: readonly GraphQLError[];
}

/** Refusals counted at `/metrics` (`router_requests_refused_total{reason}`). */
type RefusalReason = 'rate_limit' | 'document_limit' | 'cost' | 'untrusted_document';

/** The response to send: status, headers and the GraphQL result, errors formatted. */
export interface PipelineResponse {
  status: number;
  headers: Record<string, string>;
  /** The result; already serialised when it is a cached answer or was just kept as one. */
  body: FormattedExecutionResult | Buffer;
}

export interface OperationPipelineOptions {
  /** What plans and executes operations (the engine, with authorization around it). */
  gateway: GatewayInterface;
  /** Answer `__schema` and `__type`. */
  introspection: boolean;
  /** The router's error formatter: what a client may see of each error. */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** Each operation's cache policy: the `Cache-Control` of successful queries. */
  cachePolicies: OperationCachePolicies;
  /** Whole answers of cacheable operations, when kept. */
  responseCache?: ResponseCache | undefined;
  metrics: ServiceMetrics;
  logger: Logger;
  /** Parsed and validated documents kept per supergraph. Default `1000`. */
  documentCacheSize?: number;
  /**
   * Counts lookups in the document cache (`cache="document"`) and the response cache
   * (`cache="response"`) as hits and misses.
   */
  cacheLookups?: CacheLookups;
  /** Automatic persisted queries remembered (hash → query). Default `1000`. */
  persistedQueryCacheSize?: number;
  /** Document limits, the maximum cost and how lists are sized. */
  limits: Pick<RequestLimitSettings, 'document' | 'maxCost' | 'defaultListSize'>;
  /** Operations per caller; none when undefined. */
  rateLimits: RateLimits | undefined;
  /** The clients' documents the router knows, and whether it serves others. */
  trustedDocuments: TrustedDocuments;
}

/** A query text parsed and validated once against the schema being served. */
interface PreparedDocument {
  document: DocumentNode;
  /** SHA-256 of the query text: the engine's plan cache key. */
  queryHash: string;
  operations: ReadonlyMap<string | undefined, OperationDefinitionNode>;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
}

interface Served {
  schema: GraphQLSchema;
  costs: CostModel;
  documents: LRUCache<string, PreparedDocument | readonly GraphQLError[]>;
}

/** Seconds a client should wait before retrying an operation nothing of which was answered. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** Cost buckets of `router_operation_cost`. */
const COST_BUCKETS = [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 50_000];

/**
 * The path every GraphQL request takes through the router, whatever its transport. First
 * {@link admit}: the caller's rate limit; the document, from its text, a trusted document id or
 * an automatic persisted query (refused in `enforce` mode unless the manifest has it); its
 * size and shape limits, then validation, once per supergraph and cached; the operation
 * chosen; its variables coerced; its estimated cost. Then {@link run} has the executor plan,
 * authorize and run it; errors are formatted once, in one place; the response gets its status
 * (`503` with `Retry-After` when a subgraph outage left nothing to answer, `429` when the
 * caller is over its rate), its `Cache-Control`, its metrics and its span name.
 */
export class OperationPipeline {
  readonly #options: OperationPipelineOptions;
  readonly #labelOf = operationLabeler();
  readonly #persistedQueries: LRUCache<string, string>;
  /** Untrusted documents already logged, so `log` mode reports each once, not every time. */
  readonly #reported = new LRUCache<string, true>({ max: 1000 });
  readonly #limitRules;
  readonly #refused;
  readonly #cost;
  #executor: GatewayExecutor | undefined;
  #served: Served | undefined;

  private constructor(options: OperationPipelineOptions) {
    this.#options = options;
    this.#persistedQueries = new LRUCache({ max: options.persistedQueryCacheSize ?? 1000 });
    this.#limitRules = documentLimitRules(options.limits.document);
    const { metrics } = options;
    this.#refused = metrics.counter(
      'router_requests_refused_total',
      'Operations refused before running, by reason',
      ['reason'],
    );
    this.#cost = metrics.histogram(
      'router_operation_cost',
      'Cost of operations (@cost/@listSize): estimated before running, actual from the data',
      ['kind'],
      COST_BUCKETS,
    );
  }

  /** Loads the gateway's first supergraph; follows its reloads from then on. */
  static async start(options: OperationPipelineOptions): Promise<OperationPipeline> {
    const pipeline = new OperationPipeline(options);
    options.gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
      pipeline.#served = {
        schema: apiSchema,
        costs: new CostModel(apiSchema, coreSupergraphSdl, {
          defaultListSize: options.limits.defaultListSize,
        }),
        documents: new LRUCache({ max: options.documentCacheSize ?? 1000 }),
      };
    });
    const { executor } = await options.gateway.load({ apollo: {} });
    if (!executor) throw new Error('the gateway offers no executor');
    pipeline.#executor = executor;
    return pipeline;
  }

  stop(): Promise<void> {
    return this.#options.gateway.stop();
  }

  async run(
    request: GraphQLRequest,
    context: RouterContext,
    method: 'GET' | 'POST',
  ): Promise<PipelineResponse> {
    const startedAt = performance.now();
    const labels = { operation_name: 'unknown', operation_type: 'unknown' };
    let response: PipelineResponse;
    try {
      response = await this.#run(request, context, method, labels);
    } catch (error) {
      response = this.#respond(500, {}, { errors: [asGraphQLError(error)] });
    }
    const { metrics } = this.#options;
    // A serialised answer is a cached one, and only answers without errors are kept.
    const failed = !Buffer.isBuffer(response.body) && Boolean(response.body.errors?.length);
    metrics.graphqlRequests.inc({ ...labels, outcome: failed ? 'error' : 'success' });
    metrics.graphqlDuration.observe(labels, (performance.now() - startedAt) / 1000);
    return response;
  }

  /**
   * Every check an operation passes before it runs, the same for HTTP and WebSocket; the
   * refusal to answer with otherwise. `labels` get the operation's name and type once known.
   */
  async admit(
    request: GraphQLRequest,
    context: RouterContext,
    transport: Transport,
    labels: { operation_name: string; operation_type: string } = {
      operation_name: '',
      operation_type: '',
    },
  ): Promise<AdmittedOperation | Refusal> {
    const served = this.#served;
    if (!served) throw new Error('no supergraph is being served');

    const { rateLimits } = this.#options;
    if (rateLimits) {
      const waitSeconds = await rateLimits.consume(callerKey(context.viewer, context.clientIp));
      if (waitSeconds !== undefined) {
        return this.#refuse('rate_limit', 429, { 'retry-after': String(waitSeconds) }, [
          new GraphQLError(`Too many requests; try again in ${waitSeconds} seconds.`, {
            extensions: { code: ErrorCode.RateLimited, retryAfterSeconds: waitSeconds },
          }),
        ]);
      }
    }

    const query = this.#queryOf(request, context);
    if (query instanceof GraphQLError) {
      const untrusted = query.extensions['code'] === 'PERSISTED_QUERY_NOT_IN_LIST';
      return untrusted ? this.#refuse('untrusted_document', 400, {}, [query]) : refusal([query]);
    }
    const prepared = this.#prepare(served, query);
    if (!('document' in prepared)) {
      const limited = prepared.some((error) => error.extensions['limit'] !== undefined);
      return limited ? this.#refuse('document_limit', 400, {}, prepared) : refusal(prepared);
    }

    const operation = prepared.operations.get(request.operationName);
    if (!operation) {
      return refusal([
        badRequest(
          request.operationName === undefined
            ? 'Must provide operation name if query contains multiple operations.'
            : `Unknown operation named "${request.operationName}".`,
          'OPERATION_RESOLUTION_FAILURE',
        ),
      ]);
    }
    const name = operation.name?.value;
    labels.operation_type = operation.operation;
    labels.operation_name = this.#labelOf(name);
    const span = trace.getActiveSpan();
    span?.updateName(`${operation.operation} ${name ?? 'anonymous'}`);
    span?.setAttributes({
      'graphql.operation.type': operation.operation,
      'graphql.operation.name': name ?? '',
    });
    if (transport === 'WebSocket' && operation.operation !== 'subscription') {
      return refusal([
        badRequest(
          'Only subscriptions are served over WebSocket; send queries and mutations over HTTP',
        ),
      ]);
    }
    if (transport !== 'WebSocket' && operation.operation === 'subscription') {
      return refusal([
        badRequest(
          'Subscriptions are served over WebSocket (graphql-transport-ws) on this path, not over HTTP.',
        ),
      ]);
    }
    if (transport === 'GET' && operation.operation !== 'query') {
      return refusal(
        [
          badRequest(
            `GET requests only support query operations, not ${operation.operation} operations`,
          ),
        ],
        405,
        { allow: 'POST' },
      );
    }

    const variables = request.variables ?? {};
    let coercedVariables: Record<string, unknown> = {};
    if (operation.variableDefinitions?.length) {
      const coerced = getVariableValues(served.schema, operation.variableDefinitions, variables);
      if (coerced.errors) {
        return refusal(coerced.errors.map((error) => withCode(error, 'BAD_USER_INPUT')));
      }
      coercedVariables = coerced.coerced;
    }

    const estimatedCost = served.costs.estimate(operation, prepared.fragments, coercedVariables);
    this.#cost.observe({ kind: 'estimated' }, estimatedCost);
    const { maxCost } = this.#options.limits;
    if (maxCost > 0 && estimatedCost > maxCost) {
      return this.#refuse('cost', 400, {}, [
        new GraphQLError(
          `The operation's estimated cost is ${estimatedCost}; at most ${maxCost} is allowed. Ask for fewer items (first: …) or fewer fields.`,
          {
            extensions: {
              code: 'COST_ESTIMATED_TOO_EXPENSIVE',
              cost: { estimated: estimatedCost, max: maxCost },
            },
          },
        ),
      ]);
    }

    return {
      schema: served.schema,
      query,
      queryHash: prepared.queryHash,
      document: prepared.document,
      operation,
      fragments: prepared.fragments,
      variables,
      coercedVariables,
      estimatedCost,
    };
  }

  async #run(
    request: GraphQLRequest,
    context: RouterContext,
    method: 'GET' | 'POST',
    labels: { operation_name: string; operation_type: string },
  ): Promise<PipelineResponse> {
    const execute = this.#executor;
    if (!execute) throw new Error('no supergraph is being served');
    const admitted = await this.admit(request, context, method, labels);
    if ('errors' in admitted) {
      const { status, headers, errors } = admitted;
      return this.#respond(status, { 'cache-control': 'no-store', ...headers }, { errors });
    }
    const { schema, query, operation, fragments } = admitted;
    const policy = this.#options.cachePolicies.of(schema, operation, fragments);
    const responseCache = this.#options.responseCache;
    const slot =
      policy &&
      responseCache?.slot(policy, context.viewer, {
        queryHash: admitted.queryHash,
        operationName: request.operationName,
        variables: admitted.coercedVariables,
        rights: rightsOf(context.viewer),
      });
    const kept = slot && (await responseCache?.read(slot));
    if (slot) {
      this.#options.cacheLookups?.inc({ cache: 'response', outcome: kept?.body ? 'hit' : 'miss' });
    }
    if (kept?.body) {
      return {
        status: 200,
        headers: { 'cache-control': cacheControlOf(policy, false) },
        body: kept.body,
      };
    }
    const requestContext = {
      logger: this.#options.logger,
      schema,
      request: {
        query,
        ...(request.operationName === undefined ? {} : { operationName: request.operationName }),
        variables: admitted.variables,
        extensions: request.extensions ?? {},
      },
      document: admitted.document,
      source: query,
      queryHash: admitted.queryHash,
      operation,
      operationName: operation.name?.value ?? null,
      context,
      metrics: {},
      cache: undefined,
      overallCachePolicy: undefined,
      schemaHash: undefined,
    } as unknown as GatewayRequestContext;
    const result = await execute(requestContext);
    const costs = this.#served?.costs;
    if (costs) {
      const data = result.data as Record<string, unknown> | null | undefined;
      this.#cost.observe(
        { kind: 'actual' },
        costs.actual(operation, fragments, admitted.coercedVariables, data),
      );
    }
    const errors = result.errors ?? [];
    const formatted = errors.map((error) => this.#format(error));
    let status = statusOf(errors, result.data === undefined);
    const headers: Record<string, string> = {
      'cache-control': cacheControlOf(policy, formatted.length > 0),
    };
    const body: FormattedExecutionResult = {
      ...(formatted.length > 0 ? { errors: formatted } : {}),
      ...(result.data === undefined ? {} : { data: result.data }),
      ...(result.extensions ? { extensions: result.extensions } : {}),
    };
    if (status === 200 && wholeOperationUnavailable(body)) {
      status = 503;
      headers['retry-after'] = String(UNAVAILABLE_RETRY_AFTER_SECONDS);
    }
    if (kept && slot && status === 200 && body.data && !body.errors && !body.extensions) {
      const encoded = Buffer.from(JSON.stringify(body));
      await responseCache?.write(kept.key, encoded, slot.ttlMs);
      return { status, headers, body: encoded };
    }
    return { status, headers, body };
  }

  /**
   * The query text: as sent, or found by id in the trusted documents (`documentId`, or the
   * hash of an automatic persisted query), or remembered from an earlier automatic persisted
   * query. In `enforce` mode only the manifest's documents are served; in `log` mode others
   * are served and reported once each.
   */
  #queryOf(request: GraphQLRequest, context: RouterContext): string | GraphQLError {
    const trusted = this.#options.trustedDocuments;
    const persisted = request.extensions?.['persistedQuery'] as
      { version?: unknown; sha256Hash?: unknown } | undefined;
    if (persisted && persisted.version !== 1) {
      return badRequest('Unsupported persisted query version');
    }
    const id = request.documentId ?? persisted?.sha256Hash;
    if (id !== undefined && typeof id !== 'string') {
      return badRequest('A persisted query needs its sha256Hash');
    }
    if (!request.query) {
      if (id === undefined) {
        return badRequest(
          'GraphQL operations must contain a non-empty `query`, a `documentId` or a `persistedQuery` extension.',
        );
      }
      const known =
        trusted.documentOf(id) ??
        (trusted.mode === 'enforce' ? undefined : this.#persistedQueries.get(id));
      return (
        known ??
        new GraphQLError('PersistedQueryNotFound', {
          extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 200 } },
        })
      );
    }
    const query = request.query;
    if (trusted.mode === 'off' && !persisted) return query;
    const hash = sha256(query);
    if (persisted && hash !== id) return badRequest('provided sha does not match query');
    if (trusted.mode !== 'off' && !trusted.trusts(hash)) {
      if (trusted.mode === 'enforce') {
        return new GraphQLError(
          'This router only runs trusted documents, and this one is not in its manifest.',
          { extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' } },
        );
      }
      if (!this.#reported.has(hash)) {
        this.#reported.set(hash, true);
        this.#options.logger.warn(
          { documentHash: hash, requestId: context.requestId },
          'served a document the trusted documents manifest does not have',
        );
      }
    }
    if (persisted) this.#persistedQueries.set(hash, query);
    return query;
  }

  /** Parses and validates `query` against the schema served, once; the errors otherwise. */
  #prepare(served: Served, query: string): PreparedDocument | readonly GraphQLError[] {
    const cached = served.documents.get(query);
    this.#options.cacheLookups?.inc({ cache: 'document', outcome: cached ? 'hit' : 'miss' });
    if (cached) return cached;
    let document: DocumentNode;
    try {
      document = parseWithinLimits(query, this.#options.limits.document);
    } catch (error) {
      const parseError = asGraphQLError(error);
      // A syntax error costs little to find again: not cached, so garbage cannot evict documents.
      return [
        parseError.extensions['limit'] === undefined
          ? withCode(parseError, 'GRAPHQL_PARSE_FAILED')
          : parseError,
      ];
    }
    // The limits first: the specification's rules cost more than the document's size.
    const limited = validate(served.schema, document, this.#limitRules);
    if (limited.length > 0) {
      served.documents.set(query, limited);
      return limited;
    }
    const { introspection } = this.#options;
    const rules = introspection
      ? specifiedRules
      : [...specifiedRules, NoSchemaIntrospectionCustomRule];
    const errors = validate(served.schema, document, rules);
    if (errors.length > 0) {
      // Without introspection, "Did you mean …?" must not reveal the schema field by field.
      const failed = errors.map((error) =>
        withCode(introspection ? error : withoutSuggestions(error), 'GRAPHQL_VALIDATION_FAILED'),
      );
      served.documents.set(query, failed);
      return failed;
    }
    const operations = new Map<string | undefined, OperationDefinitionNode>();
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION) {
        operations.set(definition.name?.value, definition);
      } else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        fragments.set(definition.name.value, definition);
      }
    }
    // A single operation is also the one chosen when no name is given.
    const [only] = operations.values();
    if (operations.size === 1 && only?.name) operations.set(undefined, only);
    const prepared: PreparedDocument = {
      document,
      queryHash: sha256(query),
      operations,
      fragments,
    };
    served.documents.set(query, prepared);
    return prepared;
  }

  #refuse(
    reason: RefusalReason,
    status: number,
    headers: Record<string, string>,
    errors: readonly GraphQLError[],
  ): Refusal {
    this.#refused.inc({ reason });
    return { status, headers, errors };
  }
  #respond(
    status: number,
    headers: Record<string, string>,
    result: { errors: readonly GraphQLError[] },
  ): PipelineResponse {
    return { status, headers, body: { errors: result.errors.map((error) => this.#format(error)) } };
  }

  /** As Apollo Server formats: a code always (`INTERNAL_SERVER_ERROR` by default), no `http`. */
  #format(error: GraphQLError): GraphQLFormattedError {
    const { http: _http, ...extensions } = error.extensions ?? {};
    const json = error.toJSON();
    const formatted: GraphQLFormattedError = {
      ...json,
      extensions: { ...extensions, code: extensions['code'] ?? ErrorCode.InternalServerError },
    };
    return this.#options.formatError(formatted, error);
  }
}

/**
 * The HTTP status of a result: the one an error asks for (`extensions.http.status`, e.g. 200
 * for an operation authorization emptied), else 400 when errors came without data (nothing
 * ran: the request must be fixed), else 200.
 */
function statusOf(errors: readonly GraphQLError[], withoutData: boolean): number {
  let status: number | undefined;
  for (const error of errors) {
    const http = error.extensions?.['http'] as { status?: number } | undefined;
    if (http?.status) status = http.status;
  }
  return status ?? (errors.length > 0 && withoutData ? 400 : 200);
}

/** No root field has a value, and an unreachable subgraph is why. */
function wholeOperationUnavailable(body: FormattedExecutionResult): boolean {
  const unavailable = body.errors?.some(
    (error) => error.extensions?.['code'] === ErrorCode.ServiceUnavailable,
  );
  const answered = body.data && Object.values(body.data).some((value) => value !== null);
  return Boolean(unavailable) && !answered;
}

function badRequest(message: string, code = 'BAD_REQUEST'): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/** A refusal of a request to fix: `400` unless an error asks for another status. */
function refusal(
  errors: readonly GraphQLError[],
  status = statusOf(errors, true),
  headers: Record<string, string> = {},
): Refusal {
  return { status, headers, errors };
}

/** A validation error without graphql-js's "Did you mean …?" list of the schema's names. */
function withoutSuggestions(error: GraphQLError): GraphQLError {
  const message = error.message.replace(/ Did you mean .*\?$/, '');
  return message === error.message
    ? error
    : new GraphQLError(message, { nodes: error.nodes ?? null, extensions: error.extensions });
}
