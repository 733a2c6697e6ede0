import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { SubgraphFetcher } from './createSubgraphFetcher.ts';
import { SubgraphUnavailable } from './SubgraphUnavailable.ts';

/** HTTP statuses that mean "the subgraph is not there right now" rather than a bad request. */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

type ErrorHookParameters = Parameters<RemoteGraphQLDataSource['didEncounterError']>;

/**
 * Calls one subgraph over HTTP. Network failures, timeouts and gateway statuses become
 * `SubgraphUnavailable`, so the router can tell clients plainly that a service is down without
 * passing on connection details.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource {
  readonly name: string;

  constructor(name: string, url: string, fetcher: SubgraphFetcher) {
    super({ url, fetcher });
    this.name = name;
  }

  override didEncounterError(
    error: ErrorHookParameters[0],
    _fetchRequest: ErrorHookParameters[1],
    fetchResponse?: ErrorHookParameters[2],
  ): void {
    if (fetchResponse === undefined) {
      throw new SubgraphUnavailable(this.name, describeNetworkError(error), { cause: error });
    }
    if (UNAVAILABLE_STATUSES.has(fetchResponse.status)) {
      throw new SubgraphUnavailable(this.name, `answered HTTP ${fetchResponse.status}`, {
        cause: error,
      });
    }
    throw error;
  }
}

/** `fetch failed` alone says nothing; the useful part (ECONNREFUSED, timeout) is in the cause. */
function describeNetworkError(error: Error): string {
  if (error.name === 'TimeoutError') return 'no answer before the deadline';
  const cause: unknown = error.cause;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return `${error.message} (${code ?? cause.message})`;
  }
  return error.message;
}
