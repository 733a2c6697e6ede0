import type { GraphQLFormattedError } from 'graphql';

export interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: readonly GraphQLFormattedError[];
  /** HTTP status of the response. */
  status: number;
  headers: Headers;
}

export interface GraphQLClient {
  readonly url: string;
  request<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<TData>>;
}

/**
 * A minimal GraphQL-over-HTTP client: POST, JSON in and out. `defaultHeaders` go with every
 * request (e.g. an `authorization` bearer token).
 */
export function createGraphQLClient(
  url: string,
  defaultHeaders: Record<string, string> = {},
): GraphQLClient {
  return {
    url,
    async request<TData>(
      query: string,
      variables?: Record<string, unknown>,
      headers: Record<string, string> = {},
    ): Promise<GraphQLResponse<TData>> {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...defaultHeaders,
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse<TData>, 'status' | 'headers'>;
      return { ...body, status: response.status, headers: response.headers };
    },
  };
}
