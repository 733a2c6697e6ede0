import type { StoreSession } from '@play-economy/chassis/domain';
import type { User } from './User.ts';

/** Where a page of users starts: just after this user in username order. */
export interface UserPosition {
  /** The user's lower-cased username: the list's sort key. */
  usernameKey: string;
  /** Breaks ties (there are none today, usernames being unique, but ids never change). */
  id: string;
}

export interface UserQuery {
  after?: UserPosition | undefined;
  first: number;
}

export interface UserPage {
  users: User[];
  hasNextPage: boolean;
  totalCount: number;
}

/** The result of a conditional change of a balance. */
export type GilChange =
  | { ok: true; user: User }
  | { ok: false; reason: 'UNKNOWN_USER' }
  | { ok: false; reason: 'INSUFFICIENT_GIL' | 'TOO_MUCH_GIL'; balance: number };

/** Users, with unique usernames (ignoring case) and unique emails. */
export interface UserRepository {
  findById(id: string, session?: StoreSession): Promise<User | null>;
  /** By username ignoring case. */
  findByUsername(username: string): Promise<User | null>;
  /** By email ignoring case. */
  findByEmail(email: string): Promise<User | null>;
  findPage(query: UserQuery): Promise<UserPage>;
  /** Throws `Conflict` naming the field when the username or email is taken. */
  insert(user: User, session: StoreSession): Promise<void>;
  /**
   * Adds `delta` to the balance in one atomic conditional update: it happens only if the
   * result stays within 0..GIL_MAX, whatever runs concurrently.
   */
  changeGil(id: string, delta: number, session: StoreSession): Promise<GilChange>;
  /**
   * Replaces a password hash if, and only if, it is still `expectedHash` (one conditional
   * update); false when it changed meanwhile or the user is gone.
   */
  updatePasswordHash(
    id: string,
    expectedHash: string,
    newHash: string,
    session?: StoreSession,
  ): Promise<boolean>;
}

export function positionOf(user: User): UserPosition {
  return { usernameKey: user.usernameKey, id: user.id };
}

export function isUserPosition(value: unknown): value is UserPosition {
  if (typeof value !== 'object' || value === null) return false;
  const { usernameKey, id } = value as Record<string, unknown>;
  return typeof usernameKey === 'string' && typeof id === 'string';
}
