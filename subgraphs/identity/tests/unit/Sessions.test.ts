import { Role } from '@play-economy/chassis/domain';
import { describe, expect, it } from 'vitest';
import { INVALID_REFRESH_TOKEN } from '../../src/application/RefreshSession.ts';
import { anIdentity, countingHasher, failureOf } from '../support/anIdentity.ts';

const refused = { code: 'UNAUTHENTICATED', message: INVALID_REFRESH_TOKEN };

describe('signOut', () => {
  it('revokes the session of the refresh token, newest token included, and no other', async () => {
    const identity = await anIdentity();
    const { session, fields } = await identity.player();
    const rotated = await identity.useCases.refreshSession.execute(session.refreshToken);
    const elsewhere = await identity.useCases.login.execute(
      { usernameOrEmail: fields.username, password: fields.password },
      undefined,
    );
    // Signing out with an older token of the session ends it too.
    expect(await identity.useCases.signOut.execute(session.refreshToken)).toBe(true);
    expect(await failureOf(identity.useCases.refreshSession.execute(rotated.refreshToken))).toEqual(
      refused,
    );
    await expect(
      identity.useCases.refreshSession.execute(elsewhere.refreshToken),
    ).resolves.toBeDefined();
  });

  it('answers false for a token of no session', async () => {
    const identity = await anIdentity();
    expect(await identity.useCases.signOut.execute('not a token')).toBe(false);
  });
});

describe('signOutEverywhere', () => {
  it('revokes every session of the caller, announces it, and leaves other users alone', async () => {
    const identity = await anIdentity();
    const { session, viewer, fields } = await identity.player();
    const second = await identity.useCases.login.execute(
      { usernameOrEmail: fields.email, password: fields.password },
      undefined,
    );
    const other = await identity.player();

    expect(await identity.useCases.signOutEverywhere.execute(viewer)).toBe(true);
    for (const token of [session.refreshToken, second.refreshToken]) {
      expect(await failureOf(identity.useCases.refreshSession.execute(token))).toEqual(refused);
    }
    await expect(
      identity.useCases.refreshSession.execute(other.session.refreshToken),
    ).resolves.toBeDefined();
    const revoked = await identity.published('identity.user.sessions_revoked');
    expect(revoked.map((message) => message.payload)).toEqual([
      { userId: viewer.userId, reason: 'SIGNED_OUT_EVERYWHERE' },
    ]);
    // Signing in again starts a session that works.
    const again = await identity.useCases.login.execute(
      { usernameOrEmail: fields.username, password: fields.password },
      undefined,
    );
    await expect(
      identity.useCases.refreshSession.execute(again.refreshToken),
    ).resolves.toBeDefined();
  });

  it('is UNAUTHENTICATED for an anonymous caller', async () => {
    const identity = await anIdentity();
    expect((await failureOf(identity.useCases.signOutEverywhere.execute(null))).code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('is UNAUTHENTICATED for an account that no longer exists, announcing nothing', async () => {
    const identity = await anIdentity();
    const viewer = { userId: 'no-such-user', roles: [Role.Player] };
    expect((await failureOf(identity.useCases.signOutEverywhere.execute(viewer))).code).toBe(
      'UNAUTHENTICATED',
    );
    expect(await identity.published('identity.user.sessions_revoked')).toEqual([]);
  });
});

describe('changePassword', () => {
  const NEW_PASSWORD = 'a brand new passphrase';

  it('replaces the password, ends every other session, announces it and returns a new one', async () => {
    const identity = await anIdentity();
    const { session, viewer, fields } = await identity.player();
    const fresh = await identity.useCases.changePassword.execute(
      viewer,
      { currentPassword: fields.password, newPassword: NEW_PASSWORD },
      '198.51.100.1',
    );
    expect(fresh.user.id).toBe(viewer.userId);
    expect(await failureOf(identity.useCases.refreshSession.execute(session.refreshToken))).toEqual(
      refused,
    );
    await expect(
      identity.useCases.refreshSession.execute(fresh.refreshToken),
    ).resolves.toBeDefined();

    const login = (password: string) =>
      identity.useCases.login.execute({ usernameOrEmail: fields.username, password }, undefined);
    expect((await failureOf(login(fields.password))).code).toBe('UNAUTHENTICATED');
    await expect(login(NEW_PASSWORD)).resolves.toBeDefined();
    const revoked = await identity.published('identity.user.sessions_revoked');
    expect(revoked.map((message) => message.payload)).toEqual([
      { userId: viewer.userId, reason: 'PASSWORD_CHANGED' },
    ]);
  });

  it('refuses a wrong current password, counting it as a failed sign-in', async () => {
    const identity = await anIdentity();
    const { session, viewer, fields } = await identity.player();
    const change = (currentPassword: string) =>
      identity.useCases.changePassword.execute(
        viewer,
        { currentPassword, newPassword: NEW_PASSWORD },
        '198.51.100.2',
      );
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await failureOf(change('not my password'))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'currentPassword',
      });
    }
    // The same budget as signing in: this address is now locked out of the account.
    expect(await failureOf(change(fields.password))).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number),
    });
    expect(
      (
        await failureOf(
          identity.useCases.login.execute(
            { usernameOrEmail: fields.username, password: fields.password },
            '198.51.100.2',
          ),
        )
      ).code,
    ).toBe('RATE_LIMITED');
    // Nothing changed.
    await expect(
      identity.useCases.refreshSession.execute(session.refreshToken),
    ).resolves.toBeDefined();
    expect(await identity.published('identity.user.sessions_revoked')).toEqual([]);
  });

  it('refuses a new password breaking the rules before any hashing', async () => {
    const { hasher, counts } = countingHasher();
    const identity = await anIdentity({ hasher });
    const { viewer, fields } = await identity.player();
    const before = { ...counts };
    expect(
      await failureOf(
        identity.useCases.changePassword.execute(
          viewer,
          { currentPassword: fields.password, newPassword: 'short' },
          undefined,
        ),
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect(counts).toEqual(before);
  });

  it('is UNAUTHENTICATED for an anonymous caller', async () => {
    const identity = await anIdentity();
    expect(
      (
        await failureOf(
          identity.useCases.changePassword.execute(
            null,
            { currentPassword: 'whatever it is', newPassword: NEW_PASSWORD },
            undefined,
          ),
        )
      ).code,
    ).toBe('UNAUTHENTICATED');
  });
});
