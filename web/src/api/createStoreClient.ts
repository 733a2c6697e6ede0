import {
  Client,
  cacheExchange,
  fetchExchange,
  makeOperation,
  subscriptionExchange,
  type ExecutionResult,
  type Operation,
} from '@urql/core';
import { authExchange } from '@urql/exchange-auth';
import { persistedExchange } from '@urql/exchange-persisted';
import type { DocumentNode } from 'graphql';
import { createClient as createWebSocketClient } from 'graphql-ws';
import { errorCodesOf } from './errorCodesOf.ts';
import type { Renewal, Session } from './Session.ts';
import { RefreshSessionDocument } from './sessionOperations.ts';

export interface StoreClientOptions {
  session: Session;
  /** The router's GraphQL endpoint, absolute or relative to the page. Default `/graphql`. */
  endpoint?: string;
}

export interface StoreClient {
  client: Client;
  /**
   * Calls `listener` every time the WebSocket (re)connects, so a page can read what its
   * subscriptions may have missed meanwhile: they are live notifications, not a log.
   */
  onLiveConnected(listener: () => void): () => void;
}

/** Context flag of operations sent without the access token (sign-in, refresh, sign-out). */
export const WITHOUT_TOKEN = { withoutToken: true } as const;

/**
 * The urql client of the store: every operation goes to the router by the id of its document in
 * the trusted-documents manifest (never as text), queries and mutations over HTTP, subscriptions
 * over graphql-ws. An operation refused because the access token expired (`UNAUTHENTICATED`) is
 * retried once after a refresh; the WebSocket reconnects with the new token.
 */
export function createStoreClient({
  session,
  endpoint = '/graphql',
}: StoreClientOptions): StoreClient {
  const httpUrl = new URL(endpoint, window.location.href).href;
  const connectedListeners = new Set<() => void>();
  let socketToken: string | undefined;
  let socketOpen = false;
  const webSocket = createWebSocketClient({
    url: httpUrl.replace(/^http/, 'ws'),
    lazy: true,
    // Keep the connection through a page change that drops one subscription for another.
    lazyCloseTimeout: 3_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => sleep(Math.min(500 * 2 ** retries, 10_000)),
    connectionParams: () => {
      socketToken = session.accessToken;
      return socketToken ? { Authorization: `Bearer ${socketToken}` } : {};
    },
    on: {
      connected: () => {
        socketOpen = true;
        for (const listener of connectedListeners) listener();
      },
      closed: () => {
        socketOpen = false;
      },
    },
  });
  // The router takes the caller's identity when the socket connects: a new or refreshed token,
  // or signing out, needs a new connection. Terminating is not fatal: the client reconnects
  // (asking `connectionParams` again) and resubscribes what is running.
  session.subscribe(() => {
    if (socketOpen && session.accessToken !== socketToken) webSocket.terminate();
  });

  const client = new Client({
    url: httpUrl,
    // The session's tokens change outside urql's view: read nothing stale from the cache.
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      authExchange(async (utils) => {
        session.renewWith(async (refreshToken): Promise<Renewal> => {
          const result = await utils.mutate(
            RefreshSessionDocument,
            { refreshToken },
            WITHOUT_TOKEN,
          );
          if (result.data) return { outcome: 'renewed', tokens: result.data.refreshToken };
          return errorCodesOf(result.error).includes('UNAUTHENTICATED')
            ? { outcome: 'ended' }
            : { outcome: 'failed' };
        });
        return {
          addAuthToOperation(operation) {
            const token = session.accessToken;
            // A retried operation carries the header of its first attempt: replace or drop it.
            const anonymous = withoutAuthorization(operation);
            if (!token || operation.context['withoutToken']) return anonymous;
            return utils.appendHeaders(anonymous, { Authorization: `Bearer ${token}` });
          },
          didAuthError: (error, operation) =>
            sentToken(operation) && errorCodesOf(error).includes('UNAUTHENTICATED'),
          async refreshAuth() {
            await session.refresh();
          },
        };
      }),
      // By id only: the router must have the store's manifest (npm start gives it). No text
      // fallback, which could not work anyway: urql prints a document otherwise than the
      // manifest does, so its text would not match the id.
      persistedExchange({
        enforcePersistedQueries: true,
        enableForMutation: true,
        enableForSubscriptions: true,
        preferGetForPersistedQueries: false,
        generateHash: (_text, document) => Promise.resolve(manifestIdOf(document)),
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({
            // A persisted operation has no text: the router finds it by the hash in extensions.
            unsubscribe: webSocket.subscribe(
              { ...request, query: request.query ?? '' },
              {
                next: (result) => sink.next(result as ExecutionResult),
                error: (error) => sink.error(error),
                complete: () => sink.complete(),
              },
            ),
          }),
        }),
      }),
    ],
  });
  return {
    client,
    onLiveConnected(listener) {
      connectedListeners.add(listener);
      return () => connectedListeners.delete(listener);
    },
  };
}

/**
 * The document's id in the trusted-documents manifest: the hash GraphQL Code Generator's client
 * preset embeds in every typed document (`persistedDocuments: true`).
 */
function manifestIdOf(document: DocumentNode): string {
  const id = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof id !== 'string') {
    throw new Error('Every operation must be a typed document generated by npm run codegen');
  }
  return id;
}

function fetchOptionsOf(operation: Operation): RequestInit {
  const options = operation.context.fetchOptions;
  return (typeof options === 'function' ? options() : options) ?? {};
}

function sentToken(operation: Operation): boolean {
  return 'Authorization' in ((fetchOptionsOf(operation).headers ?? {}) as Record<string, string>);
}

function withoutAuthorization(operation: Operation): Operation {
  const options = fetchOptionsOf(operation);
  const { Authorization: _dropped, ...headers } = (options.headers ?? {}) as Record<string, string>;
  return makeOperation(operation.kind, operation, {
    ...operation.context,
    fetchOptions: { ...options, headers },
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
