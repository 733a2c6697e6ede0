/**
 * A subgraph could not be reached, refused the connection, timed out or answered with a
 * gateway-level HTTP status (502/503/504). For logs only: clients get a fixed message. The
 * `cause` says what happened (e.g. `fetch failed: connect ECONNREFUSED`).
 */
export class SubgraphUnavailable extends Error {
  override name = 'SubgraphUnavailable';

  constructor(
    readonly subgraph: string,
    /** The HTTP status when there was an answer at all. */
    readonly status: number | undefined,
    options?: ErrorOptions,
  ) {
    super(
      `subgraph "${subgraph}" is unavailable${status === undefined ? '' : ` (HTTP ${status})`}`,
      options,
    );
  }
}
