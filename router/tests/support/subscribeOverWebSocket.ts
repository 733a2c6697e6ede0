import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

/** How a subscription ended: completed, or with an error (GraphQL errors or a close event). */
export type Ending =
  | { kind: 'complete' }
  | {
      kind: 'error';
      errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
      code?: number;
      reason?: string;
    };

/** One subscription as a client sees it: what arrived so far and how it ended. */
export interface LiveSubscription<TData> {
  readonly results: FormattedExecutionResult<TData, unknown>[];
  /** Resolves with the first result (already received or to come) `accept` takes. */
  waitFor(
    accept: (result: FormattedExecutionResult<TData, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<FormattedExecutionResult<TData, unknown>>;
  /** Resolves when the subscription has ended. */
  readonly ended: Promise<Ending>;
  /** Resolves once the router acknowledged the connection. */
  readonly connected: Promise<void>;
  /** Unsubscribes (sends `complete`). */
  unsubscribe(): void;
}

/**
 * A graphql-ws client to the router, with `Authorization: Bearer` and any `extra` entries in
 * `connection_init`.
 */
export function webSocketClient(
  httpUrl: string,
  accessToken?: string,
  extra: Record<string, string> = {},
): Client {
  const connectionParams = {
    ...extra,
    ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}),
  };
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    ...(Object.keys(connectionParams).length > 0 ? { connectionParams } : {}),
  });
}

/** Subscribes on `client` (with `extensions` in the `subscribe` message) and records the results. */
export function subscribe<TData = Record<string, unknown>>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
  extensions?: Record<string, unknown>,
): LiveSubscription<TData> {
  const results: FormattedExecutionResult<TData, unknown>[] = [];
  const waiters = new Set<() => void>();
  let end!: (ending: Ending) => void;
  const ended = new Promise<Ending>((resolve) => {
    end = resolve;
  });
  let connect!: () => void;
  const connected = new Promise<void>((resolve) => {
    connect = resolve;
  });
  const offConnected = client.on('connected', () => connect());
  const unsubscribe = client.subscribe<TData>(
    { query, variables, ...(extensions ? { extensions } : {}) },
    {
      next: (result) => {
        results.push(result);
        for (const wake of waiters) wake();
      },
      error: (error) => {
        offConnected();
        if (Array.isArray(error)) end({ kind: 'error', errors: error });
        else {
          const { code, reason } = error as { code?: number; reason?: string };
          end({ kind: 'error', ...(code ? { code } : {}), ...(reason ? { reason } : {}) });
        }
        for (const wake of waiters) wake();
      },
      complete: () => {
        offConnected();
        end({ kind: 'complete' });
        for (const wake of waiters) wake();
      },
    },
  );
  return {
    results,
    ended,
    connected,
    unsubscribe,
    waitFor: (accept, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = results.find(accept);
          if (!found) return false;
          cleanup();
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(`no matching result within ${timeoutMs} ms; got ${JSON.stringify(results)}`),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(wake);
        };
        const wake = () => void check();
        if (!check()) waiters.add(wake);
      }),
  };
}

/** Opens a raw graphql-transport-ws socket, sends `connection_init`, resolves with how it closed. */
export function connectionOutcome(
  httpUrl: string,
  payload: Record<string, unknown> | undefined,
): Promise<{ acknowledged: boolean; code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(httpUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
    let acknowledged = false;
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', ...(payload ? { payload } : {}) })),
    );
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string };
      if (message.type === 'connection_ack') {
        acknowledged = true;
        socket.close(1000);
      }
    });
    socket.on('close', (code, reason) => resolve({ acknowledged, code, reason: String(reason) }));
    socket.on('error', reject);
  });
}
