import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { trace } from '@opentelemetry/api';
import {
  Role,
  ServiceMetrics,
  shutdownTelemetry,
  verifyViewer,
  VIEWER_HEADER,
  type Histogram,
} from '@play-economy/chassis/web';
import { startTelemetry } from '@play-economy/chassis/telemetry';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SubgraphDataSource, type RouterContext } from '../../src/subgraphs/SubgraphDataSource.ts';
import { SubgraphHttpError } from '../../src/subgraphs/SubgraphHttpError.ts';
import { SubgraphPools } from '../../src/subgraphs/SubgraphPools.ts';
import { SubgraphUnavailable } from '../../src/subgraphs/SubgraphUnavailable.ts';
import {
  startProducts,
  TEST_ROUTER_SECRET,
  unusedUrl,
  type TestSubgraph,
} from '../support/testSubgraphs.ts';

type Options = GraphQLDataSourceProcessOptions<RouterContext>;
type IncomingOperation = Extract<Options, { incomingRequestContext: unknown }>;

const QUERY = 'query Items($first: Int) { items(first: $first) { id } }';

/** What the loopback subgraph received. */
interface Received {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the loopback subgraph answers: a status, headers and a body, or never. */
type Answer = { status?: number; headers?: Record<string, string>; body: string } | 'never';

/** A `node:http` server on loopback that records requests and counts its sockets. */
class LoopbackSubgraph {
  readonly received: Received[] = [];
  answer: (received: Received) => Answer = () => json({ data: { ok: true } });
  /** Sockets ever accepted, and those still open. */
  accepted = 0;
  readonly open = new Set<Socket>();
  readonly #server: Server;
  readonly #hanging = new Set<ServerResponse>();

  private constructor(server: Server) {
    this.#server = server;
    server.on('connection', (socket: Socket) => {
      this.accepted += 1;
      this.open.add(socket);
      socket.on('close', () => this.open.delete(socket));
    });
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const received = {
          method: req.method,
          url: req.url,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        this.received.push(received);
        const answer = this.answer(received);
        if (answer === 'never') {
          this.#hanging.add(res);
          return;
        }
        res.writeHead(answer.status ?? 200, answer.headers ?? {});
        res.end(answer.body);
      });
    });
  }

  static async start(): Promise<LoopbackSubgraph> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new LoopbackSubgraph(server);
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/graphql?v=1`;
  }

  last(): Received {
    const received = this.received.at(-1);
    if (!received) throw new Error('no request received');
    return received;
  }

  async stop(): Promise<void> {
    for (const res of this.#hanging) res.destroy();
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }
}

function json(
  body: unknown,
  status = 200,
  contentType = 'application/json; charset=utf-8',
): Answer {
  return { status, headers: { 'content-type': contentType }, body: JSON.stringify(body) };
}

/** Options as the gateway and the engine pass them for a client's request. */
function fromClient(
  request: Options['request'],
  context: RouterContext = { requestId: 'req-1', viewer: null, clientIp: undefined },
): Options {
  return {
    kind: 'incoming operation' as IncomingOperation['kind'],
    request,
    incomingRequestContext: { context } as unknown as IncomingOperation['incomingRequestContext'],
    context,
  };
}

/** Options as the gateway passes them for a health check: no client request. */
function healthCheck(): Options {
  return {
    kind: 'health check' as Exclude<Options, IncomingOperation>['kind'],
    request: { query: '{ __typename }' },
    context: {},
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('SubgraphDataSource', () => {
  let subgraph: LoopbackSubgraph;
  let pools: SubgraphPools;
  let fetchSeconds: Histogram<'subgraph' | 'outcome'>;

  const dataSource = (options: { url?: string; timeoutMs?: number } = {}) =>
    new SubgraphDataSource({
      name: 'catalog',
      url: options.url ?? subgraph.url,
      pools,
      routerSecret: TEST_ROUTER_SECRET,
      timeoutMs: options.timeoutMs ?? 5_000,
      fetchSeconds,
    });

  /** How many requests the histogram observed with `outcome`. */
  const observed = async (outcome: string) => {
    const { values } = await fetchSeconds.get();
    const count = values.find(
      ({ metricName, labels }) =>
        metricName === 'subgraph_fetch_duration_seconds_count' &&
        labels['subgraph'] === 'catalog' &&
        labels['outcome'] === outcome,
    );
    return count?.value ?? 0;
  };

  beforeAll(async () => {
    subgraph = await LoopbackSubgraph.start();
    // Spans exist and the W3C propagator is registered, as in a service; nothing is exported.
    startTelemetry({ serviceName: 'router', env: {} });
  });

  afterEach(async () => {
    await pools.close();
    subgraph.answer = () => json({ data: { ok: true } });
  });

  afterAll(async () => {
    await subgraph.stop();
    await shutdownTelemetry();
  });

  const setUp = (connections?: number) => {
    pools = new SubgraphPools(connections === undefined ? {} : { connections });
    fetchSeconds = new ServiceMetrics('router', { defaultMetrics: false }).histogram(
      'subgraph_fetch_duration_seconds',
      "Latency of the router's requests to each subgraph",
      ['subgraph', 'outcome'],
    );
  };

  describe('a request', () => {
    it('POSTs the request as JSON to the routing URL and returns the answer as it came', async () => {
      setUp();
      const answer = {
        data: { items: [{ id: '1' }], more: null },
        errors: [{ message: 'price unavailable', path: ['items', 0, 'price'] }],
        extensions: { cost: 3 },
      };
      subgraph.answer = () => json(answer);
      const request = { query: QUERY, variables: { first: 1 }, operationName: 'Items' };

      const response = await dataSource().process(fromClient(request));

      expect(response).toEqual(answer);
      const received = subgraph.last();
      expect(received.method).toBe('POST');
      expect(received.url).toBe('/graphql?v=1');
      expect(JSON.parse(received.body)).toEqual(request);
      expect(received.headers['content-type']).toBe('application/json');
      expect(received.headers['accept']).toBe('application/json');
      expect(await observed('ok')).toBe(1);
    });

    it('passes GraphQL errors through, also from an application/graphql-response+json 200', async () => {
      setUp();
      const answer = { data: null, errors: [{ message: 'Item 9 does not exist' }] };
      subgraph.answer = () => json(answer, 200, 'application/graphql-response+json');
      await expect(dataSource().process(fromClient({ query: QUERY }))).resolves.toEqual(answer);
    });

    it('sends the request id and the signed viewer with the client address', async () => {
      setUp();
      const viewer = { userId: 'user-7', roles: [Role.Player] };

      await dataSource().process(
        fromClient({ query: QUERY }, { requestId: 'req-42', viewer, clientIp: '203.0.113.9' }),
      );

      const { headers } = subgraph.last();
      expect(headers['x-request-id']).toBe('req-42');
      expect(verifyViewer(headers[VIEWER_HEADER] as string, TEST_ROUTER_SECRET)).toEqual({
        ok: true,
        viewer,
        origin: { clientIp: '203.0.113.9' },
      });
    });

    it('signs an anonymous viewer and sends no request id without a client request', async () => {
      setUp();
      await dataSource().process(healthCheck());

      const { headers } = subgraph.last();
      expect(headers['x-request-id']).toBeUndefined();
      expect(verifyViewer(headers[VIEWER_HEADER] as string, TEST_ROUTER_SECRET)).toEqual({
        ok: true,
        viewer: null,
        origin: { clientIp: undefined },
      });
    });

    it('sends the trace context of the active span, and none without one', async () => {
      setUp();
      const spanContext = await trace
        .getTracer('test')
        .startActiveSpan('router.fetch', async (span) => {
          await dataSource().process(fromClient({ query: QUERY }));
          span.end();
          return span.spanContext();
        });
      expect(subgraph.last().headers['traceparent']).toBe(
        `00-${spanContext.traceId}-${spanContext.spanId}-01`,
      );

      await dataSource().process(fromClient({ query: QUERY }));
      expect(subgraph.last().headers['traceparent']).toBeUndefined();
    });

    it('forwards the headers the caller adds to the request, its own taking precedence', async () => {
      setUp();
      const headers = new Headers({
        'apollo-federation-include-trace': 'ftv1',
        'content-type': 'text/plain',
      });
      await dataSource().process(
        fromClient({ query: QUERY, http: { method: 'POST', url: '', headers } }),
      );
      expect(subgraph.last().headers).toMatchObject({
        'apollo-federation-include-trace': 'ftv1',
        'content-type': 'application/json',
      });
    });
  });

  describe('an HTTP error status', () => {
    it('is a SubgraphHttpError keeping the status and the parsed GraphQL body', async () => {
      setUp();
      const body = { errors: [{ message: 'Cannot query field "itemz"' }] };
      subgraph.answer = () => json(body, 400, 'application/graphql-response+json; charset=utf-8');

      const error = await rejection(dataSource().process(fromClient({ query: QUERY })));

      expect(error).toBeInstanceOf(SubgraphHttpError);
      expect(error).toMatchObject({ subgraph: 'catalog', status: 400, body });
      expect(await observed('http_error')).toBe(1);
    });

    it('keeps a body that is not JSON as text, for 401 and 500 alike', async () => {
      setUp();
      for (const status of [401, 500]) {
        subgraph.answer = () => ({
          status,
          headers: { 'content-type': 'text/html' },
          body: '<h1>no</h1>',
        });
        const error = await rejection(dataSource().process(fromClient({ query: QUERY })));
        expect(error).toBeInstanceOf(SubgraphHttpError);
        expect(error).toMatchObject({ status, body: '<h1>no</h1>' });
      }
    });

    it('is SubgraphUnavailable for 502, 503 and 504, with the answer as its cause', async () => {
      setUp();
      for (const status of [502, 503, 504]) {
        subgraph.answer = () => json({ errors: [{ message: 'upstream down' }] }, status);
        const error = await rejection(dataSource().process(fromClient({ query: QUERY })));
        expect(error).toBeInstanceOf(SubgraphUnavailable);
        expect(error).toMatchObject({ subgraph: 'catalog', status });
        expect((error as Error).cause).toMatchObject({
          status,
          body: { errors: [{ message: 'upstream down' }] },
        });
      }
    });

    it('answers an Apollo Server validation error (400, application/json) as SubgraphHttpError', async () => {
      setUp();
      const products: TestSubgraph = await startProducts();
      try {
        const source = dataSource({ url: products.url });
        await expect(
          source.process(fromClient({ query: '{ whoami { userId roles } }' })),
        ).resolves.toEqual({ data: { whoami: { userId: null, roles: [] } } });

        const error = await rejection(source.process(fromClient({ query: '{ nope }' })));
        expect(error).toBeInstanceOf(SubgraphHttpError);
        expect(error).toMatchObject({
          status: 400,
          body: { errors: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] },
        });
      } finally {
        await pools.close();
        await products.stop();
      }
    });
  });

  describe('a 200 that is not a GraphQL answer', () => {
    it('fails with what came instead', async () => {
      setUp();
      subgraph.answer = () => ({ headers: { 'content-type': 'text/plain' }, body: 'hello' });
      await expect(dataSource().process(fromClient({ query: QUERY }))).rejects.toThrow(
        'Expected JSON response body, but received: hello',
      );
      subgraph.answer = () => ({ headers: { 'content-type': 'application/json' }, body: '{' });
      await expect(dataSource().process(fromClient({ query: QUERY }))).rejects.toThrow(SyntaxError);
    });
  });

  describe('an unreachable subgraph', () => {
    it('is SubgraphUnavailable when the connection is refused', async () => {
      setUp();
      const error = await rejection(
        dataSource({ url: await unusedUrl() }).process(fromClient({ query: QUERY })),
      );
      expect(error).toBeInstanceOf(SubgraphUnavailable);
      expect(error).toMatchObject({ subgraph: 'catalog', status: undefined });
      expect((error as Error).cause).toMatchObject({ code: 'ECONNREFUSED' });
      expect(await observed('unavailable')).toBe(1);
    });

    it('is SubgraphUnavailable past the deadline, which also covers the wait for a connection', async () => {
      setUp(1);
      subgraph.answer = () => 'never';
      const source = dataSource({ timeoutMs: 300 });
      const receivedBefore = subgraph.received.length;
      const startedAt = performance.now();

      // One connection: the second request waits in the queue behind the first, hung one.
      const errors = await Promise.all(
        [1, 2].map(() => rejection(source.process(fromClient({ query: QUERY })))),
      );

      expect(performance.now() - startedAt).toBeLessThan(2_000);
      for (const error of errors) {
        expect(error).toBeInstanceOf(SubgraphUnavailable);
        expect((error as Error).cause).toMatchObject({
          message: 'no complete answer within 300 ms',
        });
      }
      expect(subgraph.received.length - receivedBefore).toBe(1);
      // The hung request's socket is closed, not left to the subgraph.
      await until(() => subgraph.open.size === 0);
    });

    it('is SubgraphUnavailable for a routing URL that is not an http(s) URL', async () => {
      setUp();
      const source = dataSource({ url: 'not a url' });
      const error = await rejection(source.process(fromClient({ query: QUERY })));
      expect(error).toBeInstanceOf(SubgraphUnavailable);
    });
  });

  describe('identical queries in flight', () => {
    const player = (clientIp: string): RouterContext => ({
      requestId: `req-${clientIp}`,
      viewer: { userId: 'u-1', roles: [Role.Player] },
      clientIp,
    });

    it('are sent once for the same caller, each caller reading the answer', async () => {
      setUp();
      subgraph.answer = () => json({ data: { items: [{ id: '1' }] } });
      const before = subgraph.received.length;
      const source = dataSource();
      const answers = await Promise.all(
        Array.from({ length: 5 }, () =>
          source.process(fromClient({ query: QUERY }, player('10.0.0.1'))),
        ),
      );
      expect(subgraph.received.length - before).toBe(1);
      expect(answers).toEqual(
        Array.from({ length: 5 }, () => ({ data: { items: [{ id: '1' }] } })),
      );
      // Each caller gets an object of its own: the engine merges answers in place.
      expect(answers[0]).not.toBe(answers[1]);
    });

    it('are sent for each caller, and again once the first answer is in', async () => {
      setUp();
      const before = subgraph.received.length;
      const source = dataSource();
      await Promise.all([
        source.process(fromClient({ query: QUERY }, player('10.0.0.1'))),
        source.process(fromClient({ query: QUERY }, player('10.0.0.2'))),
      ]);
      await source.process(fromClient({ query: QUERY }, player('10.0.0.1')));
      expect(subgraph.received.length - before).toBe(3);
    });

    it('never include mutations', async () => {
      setUp();
      const before = subgraph.received.length;
      const source = dataSource();
      const mutation = 'mutation { restock(id: "1") { id } }';
      await Promise.all([
        source.process(fromClient({ query: mutation })),
        source.process(fromClient({ query: mutation })),
      ]);
      expect(subgraph.received.length - before).toBe(2);
    });
  });

  describe('connections', () => {
    it('are kept alive: many requests over no more sockets than the pool allows', async () => {
      setUp(4);
      const source = dataSource();
      const acceptedBefore = subgraph.accepted;
      for (let round = 0; round < 10; round += 1) {
        // Distinct queries: identical ones in flight together would be sent once.
        await Promise.all(
          Array.from({ length: 10 }, (_, first) =>
            source.process(fromClient({ query: QUERY, variables: { first } })),
          ),
        );
      }
      expect(subgraph.accepted - acceptedBefore).toBeGreaterThan(0);
      expect(subgraph.accepted - acceptedBefore).toBeLessThanOrEqual(4);
    });

    it('are shared by the data sources of one origin', async () => {
      setUp(1);
      const acceptedBefore = subgraph.accepted;
      await dataSource().process(fromClient({ query: QUERY }));
      await dataSource().process(fromClient({ query: QUERY }));
      expect(subgraph.accepted - acceptedBefore).toBe(1);
    });

    it('are closed by close(), after which requests fail as unavailable', async () => {
      setUp();
      const source = dataSource();
      await Promise.all(
        Array.from({ length: 5 }, () => source.process(fromClient({ query: QUERY }))),
      );
      expect(subgraph.open.size).toBeGreaterThan(0);

      await pools.close();

      await until(() => subgraph.open.size === 0);
      const error = await rejection(source.process(fromClient({ query: QUERY })));
      expect(error).toBeInstanceOf(SubgraphUnavailable);
      const later = await rejection(dataSource().process(fromClient({ query: QUERY })));
      expect(later).toBeInstanceOf(SubgraphUnavailable);
      expect(subgraph.open.size).toBe(0);
    });
  });
});
