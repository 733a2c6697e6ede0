import { request } from 'node:http';
import type { GraphQLClient, GraphQLResponse } from '@play-economy/local-stack';

/**
 * A GraphQL client whose connections leave from `localAddress`, a loopback address such as
 * `127.0.0.2`: to the router it is another client address, as a second machine would be.
 * `defaultHeaders` go with every request (e.g. an `authorization` bearer token).
 */
export function clientFrom(
  url: string,
  localAddress: string,
  defaultHeaders: Record<string, string> = {},
): GraphQLClient {
  return {
    url,
    request<TData>(
      query: string,
      variables?: Record<string, unknown>,
      headers: Record<string, string> = {},
    ): Promise<GraphQLResponse<TData>> {
      const body = JSON.stringify({ query, variables });
      return new Promise((resolve, reject) => {
        const outgoing = request(
          url,
          {
            method: 'POST',
            localAddress,
            // A connection of its own per request: concurrent requests really are concurrent.
            agent: false,
            headers: {
              'content-type': 'application/json',
              accept: 'application/json',
              ...defaultHeaders,
              ...headers,
            },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('error', reject);
            response.on('end', () => {
              try {
                const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Omit<
                  GraphQLResponse<TData>,
                  'status' | 'headers'
                >;
                const responseHeaders = new Headers();
                for (const [name, value] of Object.entries(response.headers)) {
                  if (typeof value === 'string') responseHeaders.set(name, value);
                }
                resolve({ ...parsed, status: response.statusCode ?? 0, headers: responseHeaders });
              } catch (error) {
                reject(error instanceof Error ? error : new Error(String(error)));
              }
            });
          },
        );
        outgoing.on('error', reject);
        outgoing.end(body);
      });
    },
  };
}
