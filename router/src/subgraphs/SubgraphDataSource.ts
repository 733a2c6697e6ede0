import { EventEmitter } from 'node:events';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  injectTraceContext,
  REQUEST_ID_HEADER,
  signViewer,
  VIEWER_HEADER,
  type Histogram,
  type Viewer,
} from '@play-economy/chassis/web';
import type { Dispatcher, Pool } from 'undici';
import { SubgraphHttpError } from './SubgraphHttpError.ts';
import type { SubgraphPools } from './SubgraphPools.ts';
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

type ProcessOptions = GraphQLDataSourceProcessOptions<RouterContext>;
type ProcessResult = Awaited<ReturnType<GraphQLDataSource['process']>>;

export interface SubgraphDataSourceOptions {
  /** The subgraph's name, for errors, logs and metrics. */
  name: string;
  /** Its routing URL, e.g. `http://catalog:4001/graphql`. */
  url: string;
  /** Where its connections come from: the pool of the URL's origin. */
  pools: SubgraphPools;
  /** Secret shared with the subgraphs, to sign the viewer forwarded to them. */
  routerSecret: string;
  /**
   * Deadline of one request in milliseconds: from the call, through the wait for a
   * connection, to the last byte of the answer.
   */
  timeoutMs: number;
  /**
   * Observes each request's latency (to the last byte of the answer) by subgraph and outcome:
   * `ok`, `http_error` (a non-2xx status) or `unavailable` (no complete answer: refused,
   * reset, past the deadline).
   */
  fetchSeconds?: Histogram<'subgraph' | 'outcome'>;
  /**
   * Share one request among identical queries in flight at the same time for the same caller
   * (same body, user, roles and client address): the subgraph answers once and each caller
   * reads the answer. Mutations are never shared. Default `true`.
   */
  deduplicate?: boolean;
}

/** What a subgraph answered, before it is read as GraphQL. */
interface Answer {
  status: number;
  contentType: string | string[] | undefined;
  text: string;
}

/**
 * Calls one subgraph over HTTP: `POST` of the JSON request, built once as a string, on a
 * kept-alive connection of the subgraph's undici pool. Sends the request id, the signed viewer
 * and the W3C trace context of the active span. Network failures, timeouts and gateway
 * statuses become `SubgraphUnavailable`, so the router can tell clients plainly that a service
 * is down; other HTTP error statuses become `SubgraphHttpError`, an internal error with the
 * status and body for the logs. A 401 or 403 in particular is about the router's credentials,
 * not the client's.
 *
 * It does what `@apollo/gateway`'s `RemoteGraphQLDataSource` (without APQ) did for the router:
 * the same body, errors passed through, JSON answers with either GraphQL media type. It does
 * not read the subgraph's `Cache-Control`: the router's comes from the supergraph's hints. And
 * it goes without the per-request `Headers`, `Request` and `AbortSignal` objects and without
 * Node's `fetch` (web streams, a body written in several socket writes), which together cost
 * the router more CPU than the rest of a subgraph call.
 */
export class SubgraphDataSource implements GraphQLDataSource<RouterContext> {
  readonly name: string;
  /** Where requests go; the reason instead, for a routing URL that is not an http(s) URL. */
  readonly #target: { pool: Pool; path: string } | Error;
  readonly #routerSecret: string;
  readonly #timeoutMs: number;
  readonly #fetchSeconds: Histogram<'subgraph' | 'outcome'> | undefined;
  readonly #deduplicate: boolean;
  /** Identical queries in flight, by caller and body. */
  readonly #inFlight = new Map<string, Promise<Answer>>();

  constructor(options: SubgraphDataSourceOptions) {
    this.name = options.name;
    const url = URL.canParse(options.url) ? new URL(options.url) : undefined;
    // Like a fetch of a bad URL, it fails the requests to this subgraph, not the supergraph.
    this.#target =
      url?.protocol === 'http:' || url?.protocol === 'https:'
        ? { pool: options.pools.poolFor(url), path: `${url.pathname}${url.search}` }
        : new Error(`the routing URL "${options.url}" is not an http(s) URL`);
    this.#routerSecret = options.routerSecret;
    this.#timeoutMs = options.timeoutMs;
    this.#fetchSeconds = options.fetchSeconds;
    this.#deduplicate = options.deduplicate ?? true;
  }

  async process(options: ProcessOptions): Promise<ProcessResult> {
    const { request } = options;
    if (!request.query) throw new Error('Missing query');
    const body = JSON.stringify({
      query: request.query,
      variables: request.variables,
      operationName: request.operationName,
      extensions: request.extensions,
    });
    const headers = this.#headersFor(options);
    const shared =
      this.#deduplicate && isQuery(request.query)
        ? `${callerOf(options.context)}\u0000${body}`
        : undefined;
    return this.#read(await this.#shared(shared, headers, body));
  }

  /** The answer to `body`: a request of its own, or the one in flight for the same key. */
  #shared(key: string | undefined, headers: Record<string, string>, body: string): Promise<Answer> {
    if (key === undefined) return this.#send(headers, body);
    let answer = this.#inFlight.get(key);
    if (!answer) {
      answer = this.#send(headers, body).finally(() => this.#inFlight.delete(key));
      this.#inFlight.set(key, answer);
    }
    return answer;
  }

  #headersFor({ request, context }: ProcessOptions): Record<string, string> {
    const headers: Record<string, string> = {};
    // Headers the caller asked for (the gateway's `apollo-federation-include-trace`); ours win.
    if (request.http) for (const [name, value] of request.http.headers) headers[name] = value;
    headers['content-type'] = 'application/json';
    // Apollo Server and graphql-yoga both answer `application/json` to it (yoga then answers
    // parse and validation errors with 200, Apollo Server with 400 whatever is accepted). An
    // error status may still come as `application/graphql-response+json`: parsed all the same.
    headers['accept'] = 'application/json';
    // Health checks and schema loading run without a client request: no id, no viewer.
    if ('requestId' in context) {
      headers[REQUEST_ID_HEADER] = context.requestId;
      headers[VIEWER_HEADER] = this.#signatureFor(context as RouterContext);
    } else {
      headers[VIEWER_HEADER] = signViewer(null, this.#routerSecret);
    }
    // W3C trace context of the active (fetch) span: the subgraph continues this trace.
    injectTraceContext(headers);
    return headers;
  }

  /**
   * The signed viewer of a client request, signed once and reused by its other fetches (an
   * operation makes many) while it is young: a subscription's context lives for hours.
   */
  #signatureFor(context: RouterContext): string {
    const now = Date.now();
    const signed = signatures.get(context);
    if (signed && now - signed.at < SIGNATURE_REUSE_MS) return signed.value;
    const value = signViewer(
      context.viewer,
      this.#routerSecret,
      { clientIp: context.clientIp },
      now,
    );
    signatures.set(context, { value, at: now });
    return value;
  }

  async #send(headers: Record<string, string>, body: string): Promise<Answer> {
    const startedAt = performance.now();
    // An emitter, not an `AbortSignal`: undici accepts either, and a timer with an emitter
    // costs next to nothing where an `AbortController` or `AbortSignal.timeout` costs several
    // microseconds per request.
    const deadline = new EventEmitter();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      deadline.emit('abort');
    }, this.#timeoutMs);
    let status: number;
    let responseHeaders: Dispatcher.ResponseData['headers'];
    let text: string;
    try {
      const target = this.#target;
      if (target instanceof Error) throw target;
      const response = await target.pool.request({
        path: target.path,
        method: 'POST',
        headers,
        body,
        signal: deadline,
      });
      status = response.statusCode;
      responseHeaders = response.headers;
      // Read whole even for an error status: the connection then goes back to the pool.
      text = await response.body.text();
    } catch (error) {
      this.#observe('unavailable', startedAt);
      const cause = timedOut
        ? new Error(`no complete answer within ${this.#timeoutMs} ms`, { cause: error })
        : error;
      throw new SubgraphUnavailable(this.name, undefined, { cause });
    } finally {
      clearTimeout(timer);
    }

    this.#observe(status >= 200 && status < 300 ? 'ok' : 'http_error', startedAt);
    return { status, contentType: responseHeaders['content-type'], text };
  }

  /** A subgraph's answer as GraphQL, or the error it amounts to. */
  #read({ status, contentType, text }: Answer): ProcessResult {
    const ok = status >= 200 && status < 300;
    const json = isJson(contentType);
    if (!ok) {
      const httpError = new SubgraphHttpError(this.name, status, json ? parsedOr(text) : text);
      if (UNAVAILABLE_STATUSES.has(status)) {
        throw new SubgraphUnavailable(this.name, status, { cause: httpError });
      }
      throw httpError;
    }
    // As `RemoteGraphQLDataSource`: a body that does not parse is an internal error.
    const result: unknown = json ? JSON.parse(text) : text;
    if (typeof result !== 'object' || result === null) {
      throw new Error(`Expected JSON response body, but received: ${text}`);
    }
    return result as ProcessResult;
  }

  #observe(outcome: 'ok' | 'http_error' | 'unavailable', startedAt: number): void {
    this.#fetchSeconds?.observe(
      { subgraph: this.name, outcome },
      (performance.now() - startedAt) / 1000,
    );
  }
}

/** `application/json` or `application/graphql-response+json`, with or without parameters. */
function isJson(contentType: string | string[] | undefined): boolean {
  const value = headerOf(contentType)?.trimStart().toLowerCase();
  return (
    value !== undefined &&
    (value.startsWith('application/json') || value.startsWith('application/graphql-response+json'))
  );
}

/** Whether a subgraph operation only reads: a query, which may be shared. */
function isQuery(operation: string): boolean {
  const text = operation.trimStart();
  return text.startsWith('{') || text.startsWith('query');
}

/** Who a request is made for, as the subgraph sees it in the signed viewer. */
function callerOf(context: ProcessOptions['context']): string {
  if (!('requestId' in context)) return 'router';
  const { viewer, clientIp } = context as RouterContext;
  return JSON.stringify([viewer?.userId ?? null, viewer?.roles ?? [], clientIp ?? null]);
}

/** How long one viewer signature is reused, well within what subgraphs accept. */
const SIGNATURE_REUSE_MS = 10_000;
const signatures = new WeakMap<RouterContext, { value: string; at: number }>();

/** The body parsed as JSON, or as it came when it is not JSON (a proxy's error page). */
function parsedOr(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function headerOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}
