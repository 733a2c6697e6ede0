import { signViewer, VIEWER_HEADER, type Logger } from '@play-economy/chassis/web';
import {
  createClient,
  type Client,
  type FormattedExecutionResult,
  type Sink,
  type SubscribePayload,
} from 'graphql-ws';
import WebSocket from 'ws';
import type { SubscriptionStats } from './SubscriptionStats.ts';

export interface UpstreamConnectionsOptions {
  /** Signs the router's own credential that opens each connection. */
  routerSecret: string;
  logger: Logger;
  stats: SubscriptionStats;
}

/** A subgraph's WebSocket endpoint. */
export interface UpstreamEndpoint {
  name: string;
  /** The subgraph's HTTP `/graphql` URL; the same URL with `ws:` / `wss:` is used. */
  url: string;
}

/**
 * The router's WebSocket connections to subgraphs: at most one per subgraph URL, opened when
 * the first upstream subscription needs it and closed when the last one ends, multiplexing
 * every caller's subscriptions (each `subscribe` carries its caller's signed viewer). A
 * connection that drops is not reopened behind its subscriptions' backs: each of them ends
 * with an error, and the next subscription opens a fresh connection.
 */
export class UpstreamConnections {
  readonly #options: UpstreamConnectionsOptions;
  readonly #clients = new Map<string, Client>();
  /** Connections not closed yet, each with what resolves once it has. */
  readonly #open = new Map<Client, Promise<void>>();

  constructor(options: UpstreamConnectionsOptions) {
    this.#options = options;
  }

  /** Starts one subscription on `endpoint`; call the returned function to end it. */
  subscribe(
    endpoint: UpstreamEndpoint,
    payload: SubscribePayload,
    sink: Sink<FormattedExecutionResult>,
  ): () => void {
    return this.#clientFor(endpoint).subscribe(payload, sink);
  }

  /**
   * Closes every connection and waits (at most 5 s) until they are closed; their
   * subscriptions end with an error.
   */
  async close(): Promise<void> {
    const clients = [...this.#clients.values()];
    this.#clients.clear();
    const closing = [...this.#open.values()];
    await Promise.all(clients.map((client) => client.dispose()));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(closing),
      new Promise((resolve) => {
        timer = setTimeout(resolve, 5000);
      }),
    ]);
    clearTimeout(timer);
  }

  #clientFor(endpoint: UpstreamEndpoint): Client {
    const url = webSocketUrlOf(endpoint.url);
    const existing = this.#clients.get(url);
    if (existing) return existing;
    const { routerSecret, logger, stats } = this.#options;
    let open = false;
    let markClosed = () => {};
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      lazy: true,
      // Subscriptions of a dropped connection end, so their clients hear of it at once.
      retryAttempts: 0,
      // The router's own credential; each subscription names its caller.
      connectionParams: () => ({ [VIEWER_HEADER]: signViewer(null, routerSecret) }),
      keepAlive: 10_000,
      on: {
        // From the socket's creation, not its acknowledgement: `close()` must also wait for
        // a connection still being set up, or it would be counted open after the router stopped.
        connecting: () => {
          this.#open.set(
            client,
            new Promise<void>((resolve) => {
              markClosed = resolve;
            }),
          );
        },
        connected: () => {
          open = true;
          stats.upstreamConnections += 1;
          stats.upstreamConnectionsOpened += 1;
          logger.debug({ subgraph: endpoint.name, url }, 'subgraph WebSocket connected');
        },
        closed: (event) => {
          if (open) stats.upstreamConnections -= 1;
          open = false;
          this.#open.delete(client);
          markClosed();
          // A closed client is not reused: the next subscription gets a fresh connection.
          if (this.#clients.get(url) === client) this.#clients.delete(url);
          const { code, reason } = (event ?? {}) as { code?: number; reason?: string };
          logger.debug({ subgraph: endpoint.name, code, reason }, 'subgraph WebSocket closed');
        },
      },
    });
    this.#clients.set(url, client);
    return client;
  }
}

function webSocketUrlOf(httpUrl: string): string {
  const url = new URL(httpUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}
