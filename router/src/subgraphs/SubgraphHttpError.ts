/**
 * A subgraph answered with an HTTP error status. Subgraphs answer GraphQL errors with 200, so
 * this is about the router's own request (its credentials, its query): internal, never the
 * client's business. `body` is kept for the logs.
 */
export class SubgraphHttpError extends Error {
  override name = 'SubgraphHttpError';

  constructor(
    readonly subgraph: string,
    readonly status: number,
    readonly body: unknown,
    options?: ErrorOptions,
  ) {
    super(`subgraph "${subgraph}" answered HTTP ${status}`, options);
  }
}
