import type { RemoteGraphQLDataSource } from '@apollo/gateway';

/** The fetch function a `RemoteGraphQLDataSource` calls. */
export type SubgraphFetcher = RemoteGraphQLDataSource['fetcher'];

export interface SubgraphFetcherOptions {
  /** How long one subgraph request may take, headers and body, in milliseconds. */
  timeoutMs: number;
}

/**
 * The fetcher for subgraph calls: Node's global `fetch`, whose built-in undici agent keeps
 * connections alive and pools them per origin. Passed explicitly because `@apollo/gateway`
 * otherwise uses `make-fetch-happen` (an HTTP cache and retry layer we do not want on the hot
 * path). Every request gets a deadline so a hung subgraph cannot hold a client forever.
 */
export function createSubgraphFetcher({ timeoutMs }: SubgraphFetcherOptions): SubgraphFetcher {
  return (url, init = {}) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal: AbortSignal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    return fetch(url, { ...init, signal });
  };
}
