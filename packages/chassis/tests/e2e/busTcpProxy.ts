import { createServer, connect as connectTcp, type Server, type Socket } from 'node:net';

/**
 * A TCP relay between a client and the broker, for fault injection without touching the
 * client's internals: `dropConnections()` cuts every connection as a network failure would,
 * `refuse` makes the "broker" unreachable, `holdReplies()` delays broker→client traffic (such as
 * publisher confirms) until `releaseReplies()`.
 */
export class BusTcpProxy {
  readonly #server: Server;
  readonly #pairs = new Set<{ client: Socket; upstream: Socket; held: Buffer[] }>();
  #holding = false;
  /** While true, new connections are closed at once. */
  refuse = false;
  /** Connections accepted so far; a reconnect adds one per client connection. */
  accepted = 0;

  private constructor(server: Server) {
    this.#server = server;
  }

  /** Listens on a free loopback port and relays to `target` (an AMQP URL). */
  static async start(target: string): Promise<BusTcpProxy> {
    const { hostname, port } = new URL(target);
    const upstreamPort = Number(port || 5672);
    const server = createServer();
    const proxy = new BusTcpProxy(server);
    server.on('connection', (client: Socket) => proxy.#accept(client, hostname, upstreamPort));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  /** `target` with host and port replaced by this proxy's. */
  urlFor(target: string): string {
    const url = new URL(target);
    const address = this.#server.address();
    if (address === null || typeof address === 'string') throw new Error('proxy is not listening');
    url.hostname = '127.0.0.1';
    url.port = String(address.port);
    return url.toString();
  }

  get openConnections(): number {
    return this.#pairs.size;
  }

  dropConnections(): void {
    for (const { client, upstream } of this.#pairs) {
      client.destroy();
      upstream.destroy();
    }
    this.#pairs.clear();
  }

  holdReplies(): void {
    this.#holding = true;
  }

  releaseReplies(): void {
    this.#holding = false;
    for (const pair of this.#pairs) {
      for (const chunk of pair.held.splice(0)) pair.client.write(chunk);
    }
  }

  async close(): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #accept(client: Socket, host: string, port: number): void {
    client.on('error', () => undefined);
    if (this.refuse) {
      client.destroy();
      return;
    }
    this.accepted += 1;
    const upstream = connectTcp(port, host);
    upstream.on('error', () => undefined);
    const pair = { client, upstream, held: [] as Buffer[] };
    this.#pairs.add(pair);
    client.on('data', (chunk: Buffer) => upstream.write(chunk));
    upstream.on('data', (chunk: Buffer) => {
      if (this.#holding) pair.held.push(chunk);
      else client.write(chunk);
    });
    const teardown = () => {
      this.#pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', teardown);
    upstream.on('close', teardown);
  }
}
