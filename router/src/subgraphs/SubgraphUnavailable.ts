/**
 * A subgraph could not be reached, refused the connection, timed out or answered with a
 * gateway-level HTTP status (502/503/504). Its message names the subgraph and the cause, for
 * logs only: clients get a fixed message.
 */
export class SubgraphUnavailable extends Error {
  override name = 'SubgraphUnavailable';

  constructor(
    readonly subgraph: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`subgraph "${subgraph}" is unavailable: ${reason}`, options);
  }
}
