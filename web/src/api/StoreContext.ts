import { createContext, useContext, useSyncExternalStore } from 'react';
import type { StoreClient } from './createStoreClient.ts';
import type { Session, SessionState } from './Session.ts';

export interface Store {
  session: Session;
  storeClient: StoreClient;
  /** Reads the player's gil again (the header shows it). */
  refreshBalance(): void;
}

export const StoreContext = createContext<Store | undefined>(undefined);

export function useStore(): Store {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore needs a StoreContext provider');
  return store;
}

/** The session's state; re-renders on sign-in, sign-out and the end of a session. */
export function useSession(): SessionState {
  const { session } = useStore();
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}
