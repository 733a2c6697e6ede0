import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ErrorCode,
  REQUEST_ID_HEADER,
  requestIdOf,
  traceGraphQLRequests,
  type Logger,
} from '@play-economy/chassis/web';
import type { AccessTokenVerifier } from '../auth/createAccessTokenVerifier.ts';
import { authenticateBearer } from '../auth/authenticateBearer.ts';
import type { InFlightRequests } from './InFlightRequests.ts';
import type {
  GraphQLRequest,
  OperationPipeline,
  PipelineResponse,
} from '../pipeline/OperationPipeline.ts';

export interface GraphQLOverHttpOptions {
  /** The pipeline requests go through; undefined until the first supergraph is loaded (503). */
  pipeline: () => OperationPipeline | undefined;
  /** Checks bearer tokens; without one, any `Authorization` header is refused. */
  verify: AccessTokenVerifier | undefined;
  /** The HTML a browser gets on `GET /graphql`, if any. */
  landingPage: (() => Promise<string>) | undefined;
  logger: Logger;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** The client's address, through the proxies the router trusts. */
  clientAddressOf: (req: IncomingMessage) => string | undefined;
  /** Where each request is counted until it is handled, for the shutdown to wait on. */
  inFlight: InFlightRequests;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json; charset=utf-8';
/** Content types a browser may send cross-site without a preflight. */
const SIMPLE_CONTENT_TYPES = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]);
const CSRF_MESSAGE =
  "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain) or provide a non-empty value for one of the following headers: x-apollo-operation-name, apollo-require-preflight";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * GraphQL over HTTP on `/graphql`, on plain `node:http`: `POST` with a JSON body and `GET` with
 * the query in the URL; `application/graphql-response+json` for clients that ask for it,
 * `application/json` otherwise; requests a browser could send cross-site without a preflight
 * are refused (CSRF prevention, as Apollo Server does it); the caller is authenticated before
 * anything else (401 with a `WWW-Authenticate` challenge for a bad token, 503 when the key set
 * cannot be fetched); browsers asking for HTML get the landing page. Everything GraphQL goes
 * through the {@link OperationPipeline}.
 */
export function serveGraphQLOverHttp(options: GraphQLOverHttpOptions): Handler {
  const trace = traceGraphQLRequests('router');
  return (req, res) => {
    const requestId = requestIdOf(req);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    trace(req, res, () => {
      options.inFlight.track(handle(options, req, res, requestId)).catch((error: unknown) => {
        // A client that left (a page navigated away mid-request) is nobody's fault.
        if (res.destroyed && !res.writableFinished) {
          options.logger.debug({ err: error, requestId }, 'client left before its answer');
          return;
        }
        options.logger.error({ err: error, requestId }, 'GraphQL request failed unexpectedly');
        if (!res.headersSent) {
          send(
            res,
            500,
            JSON_TYPE,
            {},
            errorBody('Internal server error', 'INTERNAL_SERVER_ERROR'),
          );
        } else {
          res.destroy();
        }
      });
    });
  };
}

async function handle(
  options: GraphQLOverHttpOptions,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
): Promise<void> {
  const method = req.method;
  if (method !== 'GET' && method !== 'POST') {
    return send(
      res,
      405,
      JSON_TYPE,
      { allow: 'GET, POST' },
      errorBody('Only GET and POST requests are served on this path.', 'BAD_REQUEST'),
    );
  }
  // Only a GET carries anything in its URL.
  const url = method === 'GET' ? new URL(req.url ?? '/', 'http://router') : undefined;
  if (url && options.landingPage && prefersHtml(req) && !url.searchParams.has('query')) {
    return send(res, 200, 'text/html; charset=utf-8', {}, await options.landingPage());
  }
  if (isCrossSiteSimpleRequest(req)) {
    return send(res, 400, JSON_TYPE, {}, errorBody(CSRF_MESSAGE, 'BAD_REQUEST'));
  }

  const authenticated = await authenticateBearer(options.verify, req.headers.authorization, {
    logger: options.logger,
    requestId,
  });
  if ('refusal' in authenticated) {
    const { status, headers, message, code } = authenticated.refusal;
    return send(res, status, JSON_TYPE, headers, errorBody(message, code));
  }

  const read = url ? readGet(url) : await readPost(req, options.maxBodyBytes);
  if ('problem' in read) {
    const { status, message } = read.problem;
    return send(res, status, JSON_TYPE, {}, errorBody(message, 'BAD_REQUEST'));
  }

  const pipeline = options.pipeline();
  if (!pipeline) {
    return send(
      res,
      503,
      JSON_TYPE,
      {},
      errorBody('No supergraph is loaded yet.', ErrorCode.ServiceUnavailable),
    );
  }
  const response = await pipeline.run(
    read.request,
    { requestId, viewer: authenticated.viewer, clientIp: options.clientAddressOf(req) },
    method,
  );
  reply(res, req, response);
}

function reply(res: ServerResponse, req: IncomingMessage, response: PipelineResponse): void {
  send(
    res,
    response.status,
    acceptsGraphQLResponse(req) ? GRAPHQL_RESPONSE_TYPE : JSON_TYPE,
    response.headers,
    // Encoded once, outside the JavaScript heap: sending the string instead measures it for
    // `content-length` and converts it again on write, each copy as large as the answer.
    Buffer.isBuffer(response.body) ? response.body : Buffer.from(JSON.stringify(response.body)),
  );
}

function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  headers: Record<string, string>,
  body: string | Buffer,
): void {
  res.statusCode = status;
  res.setHeader('content-type', contentType);
  // The answer depends on who asks: a shared cache must not hand one caller's to another.
  res.setHeader('vary', 'Authorization');
  for (const name in headers) res.setHeader(name, headers[name] as string);
  res.setHeader('content-length', typeof body === 'string' ? Buffer.byteLength(body) : body.length);
  res.end(body);
}

function errorBody(message: string, code: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

type Read = { request: GraphQLRequest } | { problem: { status: number; message: string } };

function readGet(url: URL): Read {
  const params = url.searchParams;
  const variables = parseJsonParameter(params.get('variables'), 'variables');
  if (variables instanceof Error) return { problem: { status: 400, message: variables.message } };
  const extensions = parseJsonParameter(params.get('extensions'), 'extensions');
  if (extensions instanceof Error) return { problem: { status: 400, message: extensions.message } };
  return {
    request: {
      query: params.get('query') ?? undefined,
      operationName: params.get('operationName') ?? undefined,
      variables,
      extensions,
      documentId: params.get('documentId') ?? undefined,
    },
  };
}

function parseJsonParameter(
  value: string | null,
  name: string,
): Record<string, unknown> | undefined | Error {
  if (value === null || value === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed === null) return undefined;
    if (typeof parsed !== 'object' || Array.isArray(parsed)) {
      return new Error(`The ${name} search parameter must be a JSON object.`);
    }
    return parsed as Record<string, unknown>;
  } catch {
    return new Error(`The ${name} search parameter contains invalid JSON.`);
  }
}

async function readPost(req: IncomingMessage, maxBodyBytes: number): Promise<Read> {
  const declared = Number(req.headers['content-length']);
  if (declared > maxBodyBytes) return tooLarge(req);
  const text = await readBody(req, maxBodyBytes);
  if (text === undefined) return tooLarge(req);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { problem: { status: 400, message: 'The request body is not valid JSON.' } };
  }
  if (Array.isArray(body))
    return { problem: { status: 400, message: 'Operation batching disabled.' } };
  if (typeof body !== 'object' || body === null || Object.keys(body).length === 0) {
    return {
      problem: {
        status: 400,
        message: 'POST body missing, invalid Content-Type, or JSON object has no keys.',
      },
    };
  }
  const { query, operationName, variables, extensions, documentId } = body as Record<
    string,
    unknown
  >;
  if (query !== undefined && query !== null && typeof query !== 'string') {
    return { problem: { status: 400, message: 'GraphQL queries must be strings.' } };
  }
  if (documentId !== undefined && documentId !== null && typeof documentId !== 'string') {
    return { problem: { status: 400, message: '`documentId` must be a string.' } };
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return {
      problem: {
        status: 400,
        message: '`operationName` in a POST body must be a string if provided.',
      },
    };
  }
  for (const [name, value] of [
    ['variables', variables],
    ['extensions', extensions],
  ] as const) {
    if (
      value !== undefined &&
      value !== null &&
      (typeof value !== 'object' || Array.isArray(value))
    ) {
      return {
        problem: {
          status: 400,
          message: `\`${name}\` in a POST body should be provided as an object, not a recursively JSON-encoded string.`,
        },
      };
    }
  }
  return {
    request: {
      query: query ?? undefined,
      operationName: operationName ?? undefined,
      variables: (variables ?? undefined) as Record<string, unknown> | undefined,
      extensions: (extensions ?? undefined) as Record<string, unknown> | undefined,
      documentId: documentId ?? undefined,
    },
  };
}

/**
 * The whole body as text, or undefined once it grows past `maxBytes`. Read from the stream's
 * events: an async iterator would cost every request a promise per chunk.
 */
function readBody(req: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off('data', onData);
        resolve(undefined);
      } else {
        chunks.push(chunk);
      }
    };
    req.on('data', onData);
    req.once('end', () => {
      resolve(
        chunks.length === 1 ? (chunks[0] as Buffer).toString() : Buffer.concat(chunks).toString(),
      );
    });
    req.once('error', reject);
    // A client gone before the end: nothing to answer.
    req.once('close', () => {
      if (!req.complete) reject(new Error('the request was aborted'));
    });
  });
}

function tooLarge(req: IncomingMessage): Read {
  // Stop reading; the connection is closed after the answer.
  req.resume();
  return { problem: { status: 413, message: 'The request body is too large.' } };
}

/** A request a browser could send from another site without asking first. */
function isCrossSiteSimpleRequest(req: IncomingMessage): boolean {
  const contentType = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== undefined && contentType !== '' && !SIMPLE_CONTENT_TYPES.has(contentType)) {
    return false;
  }
  const preflighted =
    req.headers['x-apollo-operation-name'] || req.headers['apollo-require-preflight'];
  return !preflighted;
}

function prefersHtml(req: IncomingMessage): boolean {
  return req.headers.accept?.includes('text/html') ?? false;
}

/** Whether the client prefers `application/graphql-response+json` to `application/json`. */
function acceptsGraphQLResponse(req: IncomingMessage): boolean {
  const accept = req.headers.accept;
  if (!accept?.includes('application/graphql-response+json')) return false;
  let best = { type: '', quality: -1 };
  for (const part of accept.split(',')) {
    const [type = '', ...parameters] = part.trim().split(';');
    if (type !== 'application/json' && type !== 'application/graphql-response+json') continue;
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q ? Number(q.slice(2)) : 1;
    if (quality > best.quality) best = { type, quality };
  }
  return best.type === 'application/graphql-response+json';
}
