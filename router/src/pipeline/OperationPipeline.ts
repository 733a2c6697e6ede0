import { createHash } from 'node:crypto';
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
  parse,
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
import type { CacheControlHeader } from '../cache/cacheControlHeader.ts';
import type { CacheLookups } from '../engine/SupergraphRuntime.ts';
import { asGraphQLError, withCode } from '../errors/withCode.ts';
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
}

/** The response to send: status, headers and the GraphQL result, errors formatted. */
export interface PipelineResponse {
  status: number;
  headers: Record<string, string>;
  body: FormattedExecutionResult;
}

export interface OperationPipelineOptions {
  /** What plans and executes operations (the engine, with authorization around it). */
  gateway: GatewayInterface;
  /** Answer `__schema` and `__type`. */
  introspection: boolean;
  /** The router's error formatter: what a client may see of each error. */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** `Cache-Control` of successful queries. */
  cacheControl: CacheControlHeader;
  metrics: ServiceMetrics;
  logger: Logger;
  /** Parsed and validated documents kept per supergraph. Default `1000`. */
  documentCacheSize?: number;
  /** Counts lookups in the document cache (`cache="document"`) as hits and misses. */
  cacheLookups?: CacheLookups;
  /** Automatic persisted queries remembered (hash → query). Default `1000`. */
  persistedQueryCacheSize?: number;
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
  documents: LRUCache<string, PreparedDocument | readonly GraphQLError[]>;
}

/** Seconds a client should wait before retrying an operation nothing of which was answered. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * The path every GraphQL request takes through the router, whatever its transport: the query
 * (or an automatic persisted query) is parsed and validated once per supergraph and cached;
 * the operation is chosen; the executor plans, authorizes and runs it; errors are formatted
 * once, in one place; the response gets its status (`503` with `Retry-After` when a subgraph
 * outage left nothing to answer), its `Cache-Control`, its metrics and its span name.
 */
export class OperationPipeline {
  readonly #options: OperationPipelineOptions;
  readonly #labelOf = operationLabeler();
  readonly #persistedQueries: LRUCache<string, string>;
  #executor: GatewayExecutor | undefined;
  #served: Served | undefined;

  private constructor(options: OperationPipelineOptions) {
    this.#options = options;
    this.#persistedQueries = new LRUCache({ max: options.persistedQueryCacheSize ?? 1000 });
  }

  /** Loads the gateway's first supergraph; follows its reloads from then on. */
  static async start(options: OperationPipelineOptions): Promise<OperationPipeline> {
    const pipeline = new OperationPipeline(options);
    options.gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
      pipeline.#served = {
        schema: apiSchema,
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
    metrics.graphqlRequests.inc({
      ...labels,
      outcome: response.body.errors?.length ? 'error' : 'success',
    });
    metrics.graphqlDuration.observe(labels, (performance.now() - startedAt) / 1000);
    return response;
  }

  async #run(
    request: GraphQLRequest,
    context: RouterContext,
    method: 'GET' | 'POST',
    labels: { operation_name: string; operation_type: string },
  ): Promise<PipelineResponse> {
    const served = this.#served;
    const execute = this.#executor;
    if (!served || !execute) throw new Error('no supergraph is being served');

    const query = this.#queryOf(request);
    if (query instanceof GraphQLError) return this.#fail([query]);
    const prepared = this.#prepare(served, query);
    if (!('document' in prepared)) return this.#fail(prepared);

    const operation = prepared.operations.get(request.operationName);
    if (!operation) {
      return this.#fail([
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
    if (operation.operation === 'subscription') {
      return this.#fail([
        badRequest('Subscriptions are served over WebSocket (graphql-transport-ws) on this path.'),
      ]);
    }
    if (method === 'GET' && operation.operation !== 'query') {
      return this.#respond(
        405,
        { allow: 'POST', 'cache-control': 'no-store' },
        {
          errors: [
            badRequest(
              `GET requests only support query operations, not ${operation.operation} operations`,
            ),
          ],
        },
      );
    }

    if (operation.variableDefinitions?.length) {
      const { errors } = getVariableValues(
        served.schema,
        operation.variableDefinitions,
        request.variables ?? {},
      );
      if (errors) return this.#fail(errors.map((error) => withCode(error, 'BAD_USER_INPUT')));
    }

    const requestContext = {
      logger: this.#options.logger,
      schema: served.schema,
      request: {
        query,
        ...(request.operationName === undefined ? {} : { operationName: request.operationName }),
        variables: request.variables ?? {},
        extensions: request.extensions ?? {},
      },
      document: prepared.document,
      source: query,
      queryHash: prepared.queryHash,
      operation,
      operationName: name ?? null,
      context,
      metrics: {},
      cache: undefined,
      overallCachePolicy: undefined,
      schemaHash: undefined,
    } as unknown as GatewayRequestContext;
    const result = await execute(requestContext);
    const errors = result.errors ?? [];
    const formatted = errors.map((error) => this.#format(error));
    let status = statusOf(errors, result.data === undefined);
    const headers: Record<string, string> = {
      'cache-control': this.#options.cacheControl(
        served.schema,
        operation,
        prepared.fragments,
        formatted.length > 0,
      ),
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
    return { status, headers, body };
  }

  /** The query text: as sent, or remembered under its hash (automatic persisted queries). */
  #queryOf(request: GraphQLRequest): string | GraphQLError {
    const persisted = request.extensions?.['persistedQuery'] as
      { version?: unknown; sha256Hash?: unknown } | undefined;
    if (persisted) {
      if (persisted.version !== 1) return badRequest('Unsupported persisted query version');
      const hash = persisted.sha256Hash;
      if (typeof hash !== 'string') return badRequest('A persisted query needs its sha256Hash');
      if (request.query === undefined) {
        return (
          this.#persistedQueries.get(hash) ??
          new GraphQLError('PersistedQueryNotFound', {
            extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 200 } },
          })
        );
      }
      if (sha256(request.query) !== hash) return badRequest('provided sha does not match query');
      this.#persistedQueries.set(hash, request.query);
    }
    if (!request.query) {
      return badRequest(
        'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.',
      );
    }
    return request.query;
  }

  /** Parses and validates `query` against the schema served, once; the errors otherwise. */
  #prepare(served: Served, query: string): PreparedDocument | readonly GraphQLError[] {
    const cached = served.documents.get(query);
    this.#options.cacheLookups?.inc({ cache: 'document', outcome: cached ? 'hit' : 'miss' });
    if (cached) return cached;
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (error) {
      // A syntax error costs little to find again: not cached, so garbage cannot evict documents.
      return [withCode(asGraphQLError(error), 'GRAPHQL_PARSE_FAILED')];
    }
    const rules = this.#options.introspection
      ? specifiedRules
      : [...specifiedRules, NoSchemaIntrospectionCustomRule];
    const errors = validate(served.schema, document, rules);
    if (errors.length > 0) {
      const failed = errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
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

  #fail(errors: readonly GraphQLError[]): PipelineResponse {
    return this.#respond(
      statusOf(errors, true),
      { 'cache-control': 'no-store' },
      { errors: [...errors] },
    );
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

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
