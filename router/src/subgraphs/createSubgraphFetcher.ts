import type { RemoteGraphQLDataSource } from '@apollo/gateway';

/** The fetch function a `RemoteGraphQLDataSource` calls. */
export type SubgraphFetcher = RemoteGraphQLDataSource['fetcher'];

export interface SubgraphFetcherOptions {
  /** How long one subgraph request may take, headers and body, in milliseconds. */
  timeoutMs: number;
}

/**
 * The fetcher for subgraph calls: Node's global `fetch`, whose built-in undici agent keeps
 * connections alive and pools them per origin. Passed explicitly because a
 * `RemoteGraphQLDataSource` otherwise builds its own `make-fetch-happen` instance (node-fetch
 * over agentkeepalive, one more HTTP stack to tune and patch). Every request gets a deadline,
 * so a hung subgraph cannot hold a client forever.
 */
export function createSubgraphFetcher({ timeoutMs }: SubgraphFetcherOptions): SubgraphFetcher {
  return (url, init = {}) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal: AbortSignal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    return fetch(url, { ...init, signal });
  };
}
