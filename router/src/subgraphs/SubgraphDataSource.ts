import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  injectTraceContext,
  REQUEST_ID_HEADER,
  signViewer,
  VIEWER_HEADER,
  type Viewer,
} from '@play-economy/chassis/web';
import type { SubgraphFetcher } from './createSubgraphFetcher.ts';
import { SubgraphHttpError } from './SubgraphHttpError.ts';
import { SubgraphUnavailable } from './SubgraphUnavailable.ts';

/** HTTP statuses that mean "the subgraph is not there right now" rather than a bad request. */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/** What the router knows about each client request. */
export interface RouterContext {
  /** Sent to every subgraph as `x-request-id`, so one request's log lines can be joined. */
  requestId: string;
  /** The caller, verified from its access token; null when anonymous. */
  viewer: Viewer | null;
  /** The client's address (express `req.ip`, which honours the `trust proxy` setting). */
  clientIp: string | undefined;
}

type ErrorHookParameters = Parameters<RemoteGraphQLDataSource['didEncounterError']>;

/**
 * Calls one subgraph over HTTP. Network failures, timeouts and gateway statuses become
 * `SubgraphUnavailable`, so the router can tell clients plainly that a service is down; other
 * HTTP error statuses become `SubgraphHttpError`, an internal error. Either way the URL and
 * body the gateway would attach (`extensions.response`) never reach a client; a 401 or 403
 * in particular is about the router's credentials, not the client's.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<RouterContext> {
  readonly name: string;

  readonly #routerSecret: string;

  constructor(name: string, url: string, fetcher: SubgraphFetcher, routerSecret: string) {
    super({ url, fetcher });
    this.name = name;
    this.#routerSecret = routerSecret;
  }

  override willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<RouterContext>): void {
    // Health checks and schema loading run without a client request: no id, no viewer.
    const fromClient = 'requestId' in context;
    if (fromClient) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    request.http?.headers.set(
      VIEWER_HEADER,
      fromClient
        ? signViewer(context.viewer, this.#routerSecret, { clientIp: context.clientIp })
        : signViewer(null, this.#routerSecret),
    );
    // W3C trace context of the gateway's fetch span: the subgraph continues this trace.
    if (request.http) injectTraceContext(request.http.headers);
  }

  override didEncounterError(
    error: ErrorHookParameters[0],
    _fetchRequest: ErrorHookParameters[1],
    fetchResponse?: ErrorHookParameters[2],
  ): void {
    // Connection refused, reset or past the deadline: the cause says which.
    if (fetchResponse === undefined || UNAVAILABLE_STATUSES.has(fetchResponse.status)) {
      throw new SubgraphUnavailable(this.name, fetchResponse?.status, { cause: error });
    }
    if (!fetchResponse.ok) {
      const response = (error as { extensions?: { response?: { body?: unknown } } }).extensions
        ?.response;
      throw new SubgraphHttpError(this.name, fetchResponse.status, response?.body);
    }
    throw error;
  }
}
