/** A GraphQL-over-HTTP answer, kept raw as well as parsed. */
export interface GraphQLReply {
  status: number;
  /** The body exactly as received. */
  text: string;
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  body: { data?: unknown; errors?: unknown } | undefined;
}

export interface PostOptions {
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** Rejects when no whole answer arrived by then. Default 5 s. */
  timeoutMs?: number;
}

/** POSTs one GraphQL operation as JSON. */
export async function postGraphQL(
  url: string,
  query: string,
  { variables = {}, headers = {}, timeoutMs = 5_000 }: PostOptions = {},
): Promise<GraphQLReply> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let body: GraphQLReply['body'];
  try {
    body = JSON.parse(text) as GraphQLReply['body'];
  } catch {
    body = undefined;
  }
  return { status: response.status, text, body };
}
