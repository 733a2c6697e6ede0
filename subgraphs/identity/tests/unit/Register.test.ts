import { describe, expect, it } from 'vitest';
import { aPlayer } from '../support/aPlayer.ts';
import { anIdentity, countingHasher, failureOf, TEST_SETTINGS } from '../support/anIdentity.ts';

describe('Register', () => {
  it('creates a player with the starting gil, signs them in and announces them', async () => {
    const identity = await anIdentity({ settings: { startingGil: 250 } });
    const fields = aPlayer().withEmail('New.Player@Example.COM').build();
    const session = await identity.useCases.register.execute(fields);
    expect(session).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
    });
    expect({
      username: session.user.username,
      email: session.user.email,
      roles: session.user.roles,
      gil: session.user.gil,
    }).toEqual({
      username: fields.username,
      email: 'new.player@example.com',
      roles: ['PLAYER'],
      gil: 250,
    });
    const created = await identity.published('identity.user.created');
    expect(created.map((message) => message.payload)).toEqual([
      { userId: session.user.id, username: fields.username },
    ]);
  });

  it('refuses a taken username or email, ignoring case, with CONFLICT naming the field', async () => {
    const identity = await anIdentity();
    const { fields } = await identity.player();
    expect(
      await failureOf(
        identity.useCases.register.execute(aPlayer().named(fields.username.toUpperCase()).build()),
      ),
    ).toMatchObject({ code: 'CONFLICT', field: 'username' });
    expect(
      await failureOf(
        identity.useCases.register.execute(aPlayer().withEmail(fields.email.toUpperCase()).build()),
      ),
    ).toMatchObject({ code: 'CONFLICT', field: 'email' });
    expect(await identity.published('identity.user.created')).toHaveLength(1);
  });

  it('lets only one of two concurrent registrations of a name through', async () => {
    const identity = await anIdentity();
    const results = await Promise.allSettled([
      identity.useCases.register.execute(aPlayer().named('racer').build()),
      identity.useCases.register.execute(aPlayer().named('RACER').build()),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('checks every rule before hashing', async () => {
    const identity = await anIdentity();
    expect(
      await failureOf(identity.useCases.register.execute(aPlayer().withPassword('short').build())),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect(
      await failureOf(identity.useCases.register.execute(aPlayer().withEmail('nope').build())),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(
      await failureOf(identity.useCases.register.execute(aPlayer().named('no spaces').build())),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'username' });
  });

  it('limits registrations from one address, before any hashing, and not from others', async () => {
    const { hasher, counts } = countingHasher();
    const identity = await anIdentity({
      hasher,
      settings: { registrationLimit: { ...TEST_SETTINGS.registrationLimit, perAddress: 3 } },
    });
    const hashedBefore = counts.hashed;
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        identity.useCases.register.execute(aPlayer().build(), '203.0.113.50'),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
    const refusals = await Promise.all(
      results
        .filter((result) => result.status === 'rejected')
        .map((result) => failureOf(Promise.reject((result as PromiseRejectedResult).reason))),
    );
    expect(refusals).toHaveLength(7);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({
        code: 'RATE_LIMITED',
        retryAfterSeconds: expect.any(Number),
      });
    }
    expect(counts.hashed - hashedBefore).toBe(3);
    await expect(
      identity.useCases.register.execute(aPlayer().build(), '203.0.113.51'),
    ).resolves.toBeDefined();
  });
});
