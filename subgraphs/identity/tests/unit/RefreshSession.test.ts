import { describe, expect, it } from 'vitest';
import { INVALID_REFRESH_TOKEN } from '../../src/application/RefreshSession.ts';
import { anIdentity, failureOf } from '../support/anIdentity.ts';

describe('RefreshSession', () => {
  it('rotates: each refresh token works once and returns the next one', async () => {
    const identity = await anIdentity();
    const { session } = await identity.player();
    const next = await identity.useCases.refreshSession.execute(session.refreshToken);
    expect(next.refreshToken).not.toBe(session.refreshToken);
    expect(next.accessToken).not.toBe(session.accessToken);
    expect(next.user.id).toBe(session.user.id);
    const third = await identity.useCases.refreshSession.execute(next.refreshToken);
    expect(third.user.id).toBe(session.user.id);
  });

  it('refuses a reused token and revokes its whole family, newest token included', async () => {
    const identity = await anIdentity();
    const { session, fields } = await identity.player();
    const second = await identity.useCases.refreshSession.execute(session.refreshToken);
    const third = await identity.useCases.refreshSession.execute(second.refreshToken);
    // Another sign-in of the same user is another family, untouched by the revocation.
    const elsewhere = await identity.useCases.login.execute(
      { usernameOrEmail: fields.username, password: fields.password },
      undefined,
    );

    expect(await failureOf(identity.useCases.refreshSession.execute(session.refreshToken))).toEqual(
      { code: 'UNAUTHENTICATED', message: INVALID_REFRESH_TOKEN },
    );
    expect(await failureOf(identity.useCases.refreshSession.execute(third.refreshToken))).toEqual({
      code: 'UNAUTHENTICATED',
      message: INVALID_REFRESH_TOKEN,
    });
    await expect(
      identity.useCases.refreshSession.execute(elsewhere.refreshToken),
    ).resolves.toMatchObject({ user: { id: session.user.id } });
  });

  it('lets only one of two concurrent uses of a token succeed', async () => {
    const identity = await anIdentity();
    const { session } = await identity.player();
    const results = await Promise.allSettled([
      identity.useCases.refreshSession.execute(session.refreshToken),
      identity.useCases.refreshSession.execute(session.refreshToken),
    ]);
    const fulfilled = results.filter((result) => result.status === 'fulfilled');
    expect(fulfilled).toHaveLength(1);
    // The second use looked like a stolen token: the family is revoked, the winner's too.
    const winner = (fulfilled[0] as PromiseFulfilledResult<{ refreshToken: string }>).value;
    expect(
      (await failureOf(identity.useCases.refreshSession.execute(winner.refreshToken))).code,
    ).toBe('UNAUTHENTICATED');
  });

  it('refuses unknown and malformed tokens', async () => {
    const identity = await anIdentity();
    for (const token of ['', 'nonsense', 'A'.repeat(43)]) {
      expect(await failureOf(identity.useCases.refreshSession.execute(token))).toEqual({
        code: 'UNAUTHENTICATED',
        message: INVALID_REFRESH_TOKEN,
      });
    }
  });

  it('stores only hashes of refresh tokens', async () => {
    const identity = await anIdentity();
    const { session } = await identity.player();
    const stored = await identity.store.collection('refresh_tokens').find({}).toArray();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(session.refreshToken);
  });
});
