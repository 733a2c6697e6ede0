import { describe, expect, it } from 'vitest';
import {
  SESSION_ENDED_NOTICE,
  Session,
  type Renewal,
  type SessionTokens,
} from '../../src/api/Session.ts';

/** `sessionStorage` as far as the session uses it. */
class MemoryStorage implements Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  readonly values = new Map<string, string>();
  getItem = (key: string) => this.values.get(key) ?? null;
  setItem = (key: string, value: string) => void this.values.set(key, value);
  removeItem = (key: string) => void this.values.delete(key);
}

const tokens = (n: number): SessionTokens => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  expiresIn: 900,
  user: { id: 'u1', username: 'aria', roles: ['PLAYER'] },
});

const aSession = (storage = new MemoryStorage()) => ({
  storage,
  session: new Session(storage as unknown as Storage),
});

describe('Session', () => {
  it('keeps the access token in memory and only the refresh token in storage', () => {
    const { session, storage } = aSession();
    session.begin(tokens(1));
    expect(session.accessToken).toBe('access-1');
    expect([...storage.values.values()]).toEqual(['refresh-1']);
    expect(session.getSnapshot()).toEqual({
      status: 'signed-in',
      player: { id: 'u1', username: 'aria', roles: ['PLAYER'] },
    });
  });

  it('keeps the same state for new tokens of the same player, a new one when the roles change', () => {
    const { session } = aSession();
    session.begin(tokens(1));
    const first = session.getSnapshot();
    session.begin(tokens(2));
    // The same object: nothing the pages show changed (React re-renders on a new snapshot).
    expect(session.getSnapshot()).toBe(first);
    session.begin({
      ...tokens(3),
      user: { id: 'u1', username: 'aria', roles: ['PLAYER', 'ADMIN'] },
    });
    expect(session.getSnapshot()).not.toBe(first);
    expect(session.getSnapshot()).toEqual({
      status: 'signed-in',
      player: { id: 'u1', username: 'aria', roles: ['PLAYER', 'ADMIN'] },
    });
  });

  it('resumes from a stored refresh token', async () => {
    const storage = new MemoryStorage();
    storage.setItem('play-economy.refresh-token', 'refresh-0');
    const { session } = aSession(storage);
    expect(session.getSnapshot()).toEqual({ status: 'resuming' });
    session.renewWith(async (refreshToken) => {
      expect(refreshToken).toBe('refresh-0');
      return { outcome: 'renewed', tokens: tokens(1) };
    });
    expect(await session.refresh()).toBe(true);
    expect(session.getSnapshot().status).toBe('signed-in');
  });

  it('uses the refresh token once however many refreshes are asked for at once', async () => {
    const { session } = aSession();
    session.begin(tokens(1));
    const used: string[] = [];
    session.renewWith(async (refreshToken): Promise<Renewal> => {
      used.push(refreshToken);
      await new Promise((resolve) => setTimeout(resolve, 10));
      return { outcome: 'renewed', tokens: tokens(2) };
    });
    expect(await Promise.all([session.refresh(), session.refresh(), session.refresh()])).toEqual([
      true,
      true,
      true,
    ]);
    expect(used).toEqual(['refresh-1']);
    expect(session.accessToken).toBe('access-2');
  });

  it('ends with a notice when the refresh token is refused, and forgets every token', async () => {
    const { session, storage } = aSession();
    session.begin(tokens(1));
    session.renewWith(async () => ({ outcome: 'ended' }));
    expect(await session.refresh()).toBe(false);
    expect(session.getSnapshot()).toEqual({ status: 'signed-out', notice: SESSION_ENDED_NOTICE });
    expect(session.accessToken).toBeUndefined();
    expect(storage.values.size).toBe(0);
  });

  it('stays signed in when the refresh could not be asked (the player may retry)', async () => {
    const { session } = aSession();
    session.begin(tokens(1));
    session.renewWith(async () => ({ outcome: 'failed' }));
    expect(await session.refresh()).toBe(false);
    expect(session.getSnapshot().status).toBe('signed-in');
    expect(session.refreshToken).toBe('refresh-1');
  });

  it('keeps a sign-out that happened while a refresh was on its way', async () => {
    const { session } = aSession();
    session.begin(tokens(1));
    session.renewWith(async () => {
      session.end();
      return { outcome: 'renewed', tokens: tokens(2) };
    });
    expect(await session.refresh()).toBe(false);
    expect(session.getSnapshot()).toEqual({ status: 'signed-out' });
    expect(session.accessToken).toBeUndefined();
  });
});
