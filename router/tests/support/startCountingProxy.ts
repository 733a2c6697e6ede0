import { createServer, request as httpRequest, type Server } from 'node:http';

/** An HTTP relay in front of one subgraph that counts the GraphQL requests it forwards. */
export interface CountingProxy {
  /** The proxy's `/graphql` URL, to give the router instead of the subgraph's. */
  url: string;
  /** POST requests forwarded so far. */
  readonly count: number;
  /** Request bodies forwarded so far, parsed. */
  readonly bodies: readonly { query: string; variables?: Record<string, unknown> }[];
  stop(): Promise<void>;
}

/** Relays every request to `target` (a subgraph's `/graphql` URL) on a free loopback port. */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const bodies: { query: string; variables?: Record<string, unknown> }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.method === 'POST') {
        bodies.push(JSON.parse(body.toString('utf8')) as (typeof bodies)[number]);
      }
      const forwarded = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: upstream.pathname,
          method: req.method,
          headers: { ...req.headers, host: upstream.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forwarded.on('error', () => res.writeHead(502).end());
      forwarded.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy not listening');
  return {
    url: `http://127.0.0.1:${address.port}${upstream.pathname}`,
    get count() {
      return bodies.length;
    },
    bodies,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
