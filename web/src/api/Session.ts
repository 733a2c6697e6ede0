import type { Role } from '../gql/graphql.ts';

/** The signed-in player, as the store shows them. */
export interface Player {
  id: string;
  username: string;
  /** `ADMIN` opens the admin screens; the API checks the role again on every operation. */
  roles: readonly Role[];
}

/** What `register`, `login` and `refreshToken` answer. */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: Player;
}

export type SessionState =
  | { status: 'signed-out'; notice?: string }
  /** A refresh token from before a reload is being exchanged for a session. */
  | { status: 'resuming' }
  | { status: 'signed-in'; player: Player };

/**
 * Exchanges a refresh token for new tokens: `tokens` on success, `ended` when identity refuses
 * the token (expired, already used, signed out), `failed` when it could not be asked.
 */
export type Renewal =
  { outcome: 'renewed'; tokens: SessionTokens } | { outcome: 'ended' } | { outcome: 'failed' };

export const SESSION_ENDED_NOTICE = 'Your session has ended. Please sign in again.';

const RESUME_FAILED_NOTICE =
  'The store could not be reached to restore your session. Please sign in again.';

const REFRESH_TOKEN_KEY = 'play-economy.refresh-token';

/**
 * The player's session. The access token lives in memory only; the refresh token in
 * `sessionStorage`, so a reload of the tab resumes the session while other tabs and a closed
 * browser do not share it (two tabs rotating one refresh token would end each other's session:
 * using it twice revokes its family). Refreshes are single-flight: however many operations find
 * the access token expired at once, the refresh token is used once.
 */
export class Session {
  #state: SessionState;
  #accessToken: string | undefined;
  #refreshToken: string | undefined;
  #refreshing: Promise<boolean> | undefined;
  #renew: ((refreshToken: string) => Promise<Renewal>) | undefined;
  readonly #listeners = new Set<() => void>();
  readonly #storage: Storage | undefined;

  constructor(storage?: Storage) {
    this.#storage = storage;
    this.#refreshToken = storage?.getItem(REFRESH_TOKEN_KEY) ?? undefined;
    this.#state = this.#refreshToken ? { status: 'resuming' } : { status: 'signed-out' };
  }

  /** For `useSyncExternalStore`. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): SessionState => this.#state;

  get accessToken(): string | undefined {
    return this.#accessToken;
  }

  get refreshToken(): string | undefined {
    return this.#refreshToken;
  }

  /** How refresh tokens are exchanged; set once by the client that talks to the router. */
  renewWith(renew: (refreshToken: string) => Promise<Renewal>): void {
    this.#renew = renew;
  }

  /** Starts (or continues, after a refresh) a session with tokens identity issued. */
  begin(tokens: SessionTokens): void {
    this.#accessToken = tokens.accessToken;
    this.#refreshToken = tokens.refreshToken;
    this.#storage?.setItem(REFRESH_TOKEN_KEY, tokens.refreshToken);
    const { id, username, roles } = tokens.user;
    const current = this.#state;
    if (
      current.status !== 'signed-in' ||
      current.player.id !== id ||
      current.player.roles.join() !== roles.join()
    ) {
      this.#set({ status: 'signed-in', player: { id, username, roles: [...roles] } });
    } else {
      // Same player, new tokens: listeners that hold a token (the WebSocket) need to know.
      this.#notify();
    }
  }

  /** Forgets every token; `notice` tells the player why, when they did not ask for it. */
  end(notice?: string): void {
    this.#accessToken = undefined;
    this.#refreshToken = undefined;
    this.#storage?.removeItem(REFRESH_TOKEN_KEY);
    this.#set(notice === undefined ? { status: 'signed-out' } : { status: 'signed-out', notice });
  }

  /**
   * Uses the refresh token for a new access token; resolves `true` when there is one. A refused
   * refresh token (expired, already used, signed out) ends the session with a notice.
   */
  refresh(): Promise<boolean> {
    this.#refreshing ??= this.#exchange().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #exchange(): Promise<boolean> {
    const refreshToken = this.#refreshToken;
    if (!refreshToken || !this.#renew) return false;
    const renewal = await this.#renew(refreshToken);
    // Signed out (or in as someone else) while the refresh was on its way: keep that.
    if (this.#refreshToken !== refreshToken) return this.#accessToken !== undefined;
    switch (renewal.outcome) {
      case 'renewed':
        this.begin(renewal.tokens);
        return true;
      case 'ended':
        this.end(SESSION_ENDED_NOTICE);
        return false;
      case 'failed':
        if (this.#state.status === 'resuming') this.end(RESUME_FAILED_NOTICE);
        return false;
    }
  }

  #set(state: SessionState): void {
    this.#state = state;
    this.#notify();
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}
