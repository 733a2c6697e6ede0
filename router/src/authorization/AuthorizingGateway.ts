import { createHash } from 'node:crypto';
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import type { Logger, Viewer } from '@play-economy/chassis/web';
import { GraphQLError, print, type GraphQLSchema } from 'graphql';
import type { RouterContext } from '../subgraphs/SubgraphDataSource.ts';
import type { PreparedSupergraph } from '../supergraph/prepareSupergraph.ts';
import { buildAuthorizationIndex, type AuthorizationIndex } from './buildAuthorizationIndex.ts';
import { filterOperation, type FilteredOperation } from './filterOperation.ts';
import { restoreRemovedFields } from './restoreRemovedFields.ts';
import { rightsOf } from './rightsOf.ts';

type GatewayInterface = ApolloServerOptionsWithGateway<RouterContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;
type GatewayRequestContext = Parameters<GatewayExecutor>[0];
type GatewayResult = Awaited<ReturnType<GatewayExecutor>>;

export interface AuthorizingGatewayOptions {
  /** The gateway that plans and executes operations. */
  gateway: GatewayInterface;
  /**
   * The prepared supergraph the gateway was given as `coreSupergraphSdl` (its `gatewaySdl`), to
   * read the authorization directives and their names from; `undefined` if unknown.
   */
  supergraphOf: (coreSupergraphSdl: string) => PreparedSupergraph | undefined;
  logger: Logger;
  /**
   * Filtered operations kept per supergraph, keyed by operation and by the caller's roles (all
   * callers with the same roles get the same filtering). Default `1000`.
   */
  cacheSize?: number;
}

interface Authorization {
  index: AuthorizationIndex;
  filtered: RecentlyUsed<Filtered>;
}

interface Filtered {
  operation: FilteredOperation;
  /** The gateway caches query plans by this: it must identify the filtered document. */
  queryHash: string;
}

/**
 * Enforces the supergraph's `@authenticated`, `@requiresScopes` and `@policy` around a gateway.
 *
 * Why a wrapper around the gateway's executor rather than an Apollo Server plugin: the gateway
 * plans from `requestContext.document` inside its executor, and plugins can neither replace
 * the document nor skip execution. Wrapping the executor hands it the filtered document (with
 * its own query hash, so a plan made for one caller is never reused for another with fewer
 * rights), so the plan, and every subgraph request made from it, contains only authorized
 * fields; a fully unauthorized operation never reaches the gateway. The directive index is built
 * once per supergraph the gateway loads and filtered documents are cached, so a request costs
 * a map lookup, plus a walk of the result along what was removed.
 */
export class AuthorizingGateway implements GatewayInterface {
  readonly #gateway: GatewayInterface;
  readonly #logger: Logger;
  readonly #cacheSize: number;
  /** Keyed by the API schema the gateway reports, which is the one requests carry. */
  readonly #authorizations = new WeakMap<GraphQLSchema, Authorization>();

  constructor({ gateway, supergraphOf, logger, cacheSize = 1000 }: AuthorizingGatewayOptions) {
    this.#gateway = gateway;
    this.#logger = logger;
    this.#cacheSize = cacheSize;
    // Registered before Apollo Server registers its own listener, so the index of a supergraph
    // exists before any request can be served with it.
    gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
      const supergraph = supergraphOf(coreSupergraphSdl);
      if (!supergraph) {
        // Requests against this schema then fail rather than run unchecked.
        logger.error('loaded a supergraph the router did not prepare; refusing to serve it');
        return;
      }
      this.#authorizations.set(apiSchema, {
        index: buildAuthorizationIndex(supergraph.sdl, supergraph.securityFeatures),
        filtered: new RecentlyUsed(this.#cacheSize),
      });
    });
  }

  /** The authorization index of `apiSchema`'s supergraph, which subscriptions enforce too. */
  authorizationIndexFor(apiSchema: GraphQLSchema): AuthorizationIndex | undefined {
    return this.#authorizations.get(apiSchema)?.index;
  }

  onSchemaLoadOrUpdate(...args: Parameters<GatewayInterface['onSchemaLoadOrUpdate']>) {
    return this.#gateway.onSchemaLoadOrUpdate(...args);
  }

  async load(...args: Parameters<GatewayInterface['load']>) {
    const { executor } = await this.#gateway.load(...args);
    return { executor: executor && this.#authorizing(executor) };
  }

  stop(): Promise<void> {
    return this.#gateway.stop();
  }

  #authorizing(execute: GatewayExecutor): GatewayExecutor {
    return async (requestContext) => {
      const authorization = this.#authorizations.get(requestContext.schema);
      if (!authorization) throw new Error('no authorization index for the schema being served');
      if (authorization.index.empty) return execute(requestContext);

      const { operation, queryHash } = this.#filter(authorization, requestContext);
      if (operation.unchanged) return execute(requestContext);
      const restoreOptions = {
        schema: requestContext.schema,
        filtered: operation,
        variables: requestContext.request.variables,
      };
      if (operation.empty) {
        const { errors } = restoreRemovedFields(null, restoreOptions);
        // Only errors: there is nothing to execute. 200 like any other authorization error
        // (Apollo Server would otherwise answer a result without data with 400).
        if (errors.length === 0) return { data: {} };
        return { errors: errors.map(withHttpStatus(200)) };
      }

      const result: GatewayResult = await execute({
        ...requestContext,
        document: operation.document,
        operation: operation.operation,
        queryHash,
      });
      const { data, errors } = restoreRemovedFields(result.data, restoreOptions);
      const allErrors = [...(result.errors ?? []), ...errors];
      return {
        ...result,
        ...(data === undefined ? {} : { data }),
        ...(allErrors.length > 0 ? { errors: allErrors } : {}),
      };
    };
  }

  #filter(authorization: Authorization, requestContext: GatewayRequestContext): Filtered {
    const viewer = viewerOf(requestContext.context);
    const key = [
      requestContext.queryHash,
      requestContext.operationName ?? '',
      rightsOf(viewer),
    ].join('\u0000');
    const cached = authorization.filtered.get(key);
    if (cached) return cached;
    const operation = filterOperation({
      schema: requestContext.schema,
      index: authorization.index,
      document: requestContext.document,
      operation: requestContext.operation,
      viewer,
    });
    const filtered: Filtered = {
      operation,
      queryHash: operation.unchanged
        ? requestContext.queryHash
        : createHash('sha256').update(print(operation.document)).digest('hex'),
    };
    if (!operation.unchanged) {
      this.#logger.debug(
        { operationName: requestContext.operationName, rights: rightsOf(viewer) },
        'operation filtered by authorization',
      );
    }
    authorization.filtered.set(key, filtered);
    return filtered;
  }
}

function viewerOf(context: Record<string, unknown>): Viewer | null {
  return (context['viewer'] as Viewer | null | undefined) ?? null;
}

function withHttpStatus(status: number) {
  return (error: GraphQLError) =>
    new GraphQLError(error.message, {
      nodes: error.nodes ?? null,
      path: error.path ?? null,
      extensions: { ...error.extensions, http: { status } },
    });
}

/** A map that forgets its least recently used entries beyond `capacity`. */
class RecentlyUsed<T> {
  readonly #entries = new Map<string, T>();

  constructor(readonly capacity: number) {}

  get(key: string): T | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: T): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) {
      this.#entries.delete(this.#entries.keys().next().value as string);
    }
  }
}
