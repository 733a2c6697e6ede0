import { Role } from '@play-economy/chassis/domain';
import { describe, expect, it } from 'vitest';
import { anIdentity, failureOf } from '../support/anIdentity.ts';

function fieldFailure(read: () => unknown) {
  try {
    read();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('me', () => {
  it('is null for an anonymous caller and the caller otherwise', async () => {
    const identity = await anIdentity();
    const { viewer, fields } = await identity.player();
    expect(await identity.useCases.getViewer.execute(null)).toBeNull();
    const me = await identity.useCases.getViewer.execute(viewer);
    expect(me).toMatchObject({ id: viewer.userId, username: fields.username, gil: 100 });
    expect(me?.email).toBe(fields.email);
  });

  it('is null when the account is gone', async () => {
    const identity = await anIdentity();
    expect(
      await identity.useCases.getViewer.execute({ userId: 'deleted', roles: [Role.Player] }),
    ).toBeNull();
  });
});

describe('user(id)', () => {
  it('shows yourself, private fields included', async () => {
    const identity = await anIdentity();
    const { viewer, fields } = await identity.player();
    const user = await identity.useCases.getUser.execute(viewer, viewer.userId);
    expect({ email: user?.email, gil: user?.gil, roles: user?.roles }).toEqual({
      email: fields.email,
      gil: 100,
      roles: ['PLAYER'],
    });
  });

  it('is FORBIDDEN for another player, whether or not the id exists', async () => {
    const identity = await anIdentity();
    const alice = await identity.player();
    const bob = await identity.player();
    expect(
      (await failureOf(identity.useCases.getUser.execute(alice.viewer, bob.viewer.userId))).code,
    ).toBe('FORBIDDEN');
    expect(
      (await failureOf(identity.useCases.getUser.execute(alice.viewer, 'no-such-user'))).code,
    ).toBe('FORBIDDEN');
  });

  it('is UNAUTHENTICATED for an anonymous caller', async () => {
    const identity = await anIdentity();
    const { viewer } = await identity.player();
    expect((await failureOf(identity.useCases.getUser.execute(null, viewer.userId))).code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('shows anyone to an admin, and null for an unknown id', async () => {
    const identity = await anIdentity();
    const admin = await identity.admin();
    const { viewer, fields } = await identity.player();
    const user = await identity.useCases.getUser.execute(admin, viewer.userId);
    expect({ email: user?.email, gil: user?.gil }).toEqual({ email: fields.email, gil: 100 });
    expect(await identity.useCases.getUser.execute(admin, 'no-such-user')).toBeNull();
  });
});

describe('User entity references (from other subgraphs)', () => {
  it('show anyone public fields, but email and gil only to the user themself or an admin', async () => {
    const identity = await anIdentity();
    const alice = await identity.player();
    const bob = await identity.player();
    const admin = await identity.admin();

    const seenByBob = await identity.useCases.getUser.reference(bob.viewer, alice.viewer.userId);
    expect(seenByBob?.username).toBe(alice.fields.username);
    expect(seenByBob?.roles).toEqual(['PLAYER']);
    expect(fieldFailure(() => seenByBob?.email)).toBe('FORBIDDEN');
    expect(fieldFailure(() => seenByBob?.gil)).toBe('FORBIDDEN');

    const seenAnonymously = await identity.useCases.getUser.reference(null, alice.viewer.userId);
    expect(seenAnonymously?.username).toBe(alice.fields.username);
    expect(fieldFailure(() => seenAnonymously?.email)).toBe('UNAUTHENTICATED');

    const seenByAdmin = await identity.useCases.getUser.reference(admin, alice.viewer.userId);
    expect(seenByAdmin?.email).toBe(alice.fields.email);
    const seenBySelf = await identity.useCases.getUser.reference(alice.viewer, alice.viewer.userId);
    expect(seenBySelf?.gil).toBe(100);

    expect(await identity.useCases.getUser.reference(bob.viewer, 'no-such-user')).toBeNull();
  });
});

describe('users', () => {
  it('is for admins only', async () => {
    const identity = await anIdentity();
    const { viewer } = await identity.player();
    expect((await failureOf(identity.useCases.listUsers.execute(viewer, { first: 10 }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await failureOf(identity.useCases.listUsers.execute(null, { first: 10 }))).code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('pages through every user once, in username order ignoring case', async () => {
    const identity = await anIdentity();
    const admin = await identity.admin();
    for (const name of ['delta', 'Alpha', 'charlie', 'Echo', 'bravo']) {
      await identity.player({
        username: name,
        email: `${name}@example.com`,
        password: 'a long enough password',
      });
    }
    const seen: string[] = [];
    let after: { usernameKey: string; id: string } | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await identity.useCases.listUsers.execute(admin, { first: 2, after });
      expect(result.totalCount).toBe(6);
      seen.push(...result.users.map((view) => view.username));
      expect(result.users.every((view) => view.email.includes('@'))).toBe(true);
      if (!result.hasNextPage) break;
      const last = result.users.at(-1)!;
      after = { usernameKey: last.username.toLowerCase(), id: last.id };
    }
    const names = new Set(['delta', 'Alpha', 'charlie', 'Echo', 'bravo']);
    const players = seen.filter((name) => names.has(name));
    expect(players).toEqual(['Alpha', 'bravo', 'charlie', 'delta', 'Echo']);
    expect(seen).toHaveLength(6);
  });

  it('refuses a page size outside 0..100 naming first', async () => {
    const identity = await anIdentity();
    const admin = await identity.admin();
    expect(
      await failureOf(identity.useCases.listUsers.execute(admin, { first: 101 })),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
