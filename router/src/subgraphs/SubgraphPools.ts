import { Pool } from 'undici';

export interface SubgraphPoolsOptions {
  /**
   * Most connections open at once to one subgraph origin; requests beyond that wait in the
   * pool's queue for a free connection (the data source's deadline runs while they wait).
   * Default `128`.
   */
  connections?: number;
}

/**
 * The router's connections to its subgraphs: one undici `Pool` per origin (scheme, host and
 * port), shared by every data source of that origin across supergraph reloads. Connections are
 * kept alive and carry one request at a time: undici's `pipelining: 1` (its `0` would turn
 * keep-alive off; HTTP/1.1 pipelining is what stays off). undici's own header and body timers
 * are off: each request's deadline is the data source's, which also covers the wait for a
 * connection.
 */
export class SubgraphPools {
  readonly #pools = new Map<string, Pool>();
  readonly #connections: number;
  #closed = false;

  constructor({ connections = 128 }: SubgraphPoolsOptions = {}) {
    if (!Number.isInteger(connections) || connections < 1) {
      throw new RangeError(`connections must be a positive integer, not ${connections}`);
    }
    this.#connections = connections;
  }

  /**
   * The pool of `url`'s origin, created on first use. Once the pools are closed it is a closed
   * one, whose requests fail at once.
   */
  poolFor(url: URL): Pool {
    const { origin } = url;
    let pool = this.#pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        connections: this.#connections,
        pipelining: 1,
        headersTimeout: 0,
        bodyTimeout: 0,
      });
      this.#pools.set(origin, pool);
      // A supergraph loaded while the router stops: nothing opens a socket any more.
      if (this.#closed) void pool.close();
    }
    return pool;
  }

  /**
   * Closes every pool: requests in flight and queued finish (within their deadline), then
   * every socket is closed. Later requests fail, as if the subgraph were unavailable.
   */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(
      [...this.#pools.values()].map((pool) => (pool.closed ? undefined : pool.close())),
    );
  }
}
