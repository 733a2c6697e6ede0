import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { errorCodesOf } from '../api/errorCodesOf.ts';
import { useStore } from '../api/StoreContext.ts';

/** The router closes a WebSocket whose access token is invalid or has expired with 4401. */
const UNAUTHORIZED_CLOSE = 4401;

/**
 * Runs a subscription while the component is mounted and hands each event to `onEvent`. When
 * it ends with an error it starts again: after refreshing the session if the access token
 * expired, else after a pause. `onResume` is called whenever the connection (re)opens, to read
 * what was missed: events sent while nobody listened are not replayed.
 */
export function useLiveSubscription<Data, Variables extends Record<string, unknown>>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  onEvent: (data: Data) => void,
  options: { pause?: boolean; onResume?: () => void } = {},
): void {
  const client = useClient();
  const { session, storeClient } = useStore();
  const [generation, setGeneration] = useState(0);
  const handlers = useRef({ onEvent, onResume: options.onResume });
  handlers.current = { onEvent, onResume: options.onResume };
  const pause = options.pause ?? false;
  const variablesKey = JSON.stringify(variables);

  useEffect(() => {
    if (pause) return;
    return storeClient.onLiveConnected(() => handlers.current.onResume?.());
  }, [storeClient, pause]);

  useEffect(() => {
    if (pause) return;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const { unsubscribe } = client
      .subscription(document, JSON.parse(variablesKey) as Variables)
      .subscribe((result) => {
        if (result.data) handlers.current.onEvent(result.data);
        if (!result.error || stopped) return;
        const close = result.error.networkError as { code?: unknown } | undefined;
        const expired =
          close?.code === UNAUTHORIZED_CLOSE ||
          errorCodesOf(result.error).includes('UNAUTHENTICATED');
        if (expired) {
          void session.refresh().then((renewed) => {
            if (renewed && !stopped) setGeneration((value) => value + 1);
          });
        } else {
          retry = setTimeout(() => setGeneration((value) => value + 1), 2_000);
        }
      });
    return () => {
      stopped = true;
      clearTimeout(retry);
      unsubscribe();
    };
  }, [client, session, document, variablesKey, pause, generation]);
}
