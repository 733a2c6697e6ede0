import { describe, expect, it } from 'vitest';
import { INVALID_CREDENTIALS } from '../../src/application/Login.ts';
import { ScryptPasswordHasher } from '../../src/infrastructure/ScryptPasswordHasher.ts';
import { aPlayer } from '../support/aPlayer.ts';
import { anIdentity, FAST_HASHER, failureOf } from '../support/anIdentity.ts';

const WINDOW = 15 * 60 * 1000;

describe('Login', () => {
  it('signs in by username or email, ignoring case', async () => {
    const identity = await anIdentity();
    const { viewer, fields } = await identity.player();
    for (const usernameOrEmail of [fields.username, fields.email.toUpperCase()]) {
      const session = await identity.useCases.login.execute(
        { usernameOrEmail, password: fields.password },
        '10.0.0.1',
      );
      expect(session.user.id).toBe(viewer.userId);
    }
  });

  it('answers a wrong password and an unknown account identically', async () => {
    const identity = await anIdentity();
    const { fields } = await identity.player();
    const wrong = await failureOf(
      identity.useCases.login.execute(
        { usernameOrEmail: fields.username, password: 'not the password' },
        '10.0.0.1',
      ),
    );
    const unknown = await failureOf(
      identity.useCases.login.execute(
        { usernameOrEmail: 'nobody_here', password: 'not the password' },
        '10.0.0.1',
      ),
    );
    expect(wrong).toEqual({ code: 'UNAUTHENTICATED', message: INVALID_CREDENTIALS });
    expect(unknown).toEqual(wrong);
  });

  it('spends the same hashing work on an unknown account as on a wrong password', async () => {
    const verified: string[] = [];
    const counting = {
      hash: (password: string) => FAST_HASHER.hash(password),
      verify: (password: string, hash: string) => {
        verified.push(hash.split('$')[2]!);
        return FAST_HASHER.verify(password, hash);
      },
      needsRehash: (hash: string) => FAST_HASHER.needsRehash(hash),
    };
    const identity = await anIdentity({ hasher: counting });
    const { fields } = await identity.player();
    await failureOf(
      identity.useCases.login.execute(
        { usernameOrEmail: fields.username, password: 'wrong password' },
        undefined,
      ),
    );
    await failureOf(
      identity.useCases.login.execute(
        { usernameOrEmail: 'nobody_at_all', password: 'wrong password' },
        undefined,
      ),
    );
    // One scrypt verification each, with the same parameters.
    expect(verified).toEqual(['ln=10,r=8,p=1', 'ln=10,r=8,p=1']);
  });

  it('throttles an account after 5 failures, even with the right password, from any address', async () => {
    const identity = await anIdentity();
    const { fields } = await identity.player();
    for (let attempt = 0; attempt < 5; attempt++) {
      await failureOf(
        identity.useCases.login.execute(
          { usernameOrEmail: fields.username, password: 'wrong password' },
          `10.0.0.${attempt}`,
        ),
      );
    }
    const limited = await failureOf(
      identity.useCases.login.execute(
        { usernameOrEmail: fields.email, password: fields.password },
        '10.9.9.9',
      ),
    );
    expect(limited).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(limited['retryAfterSeconds']).toBeGreaterThan(WINDOW / 1000 - 60);
    expect(limited.message).toMatch(/try again in \d+ seconds/);
  });

  it('throttles an address after its limit, whichever accounts it tries', async () => {
    const identity = await anIdentity({
      settings: {
        loginThrottle: {
          perAccount: { maxFailures: 5, windowMs: WINDOW },
          perAddress: { maxFailures: 3, windowMs: WINDOW },
        },
      },
    });
    const { fields } = await identity.player();
    for (const name of ['first_try', 'second_try', 'third_try']) {
      await failureOf(
        identity.useCases.login.execute(
          { usernameOrEmail: name, password: 'some password' },
          '192.0.2.7',
        ),
      );
    }
    const credentials = { usernameOrEmail: fields.username, password: fields.password };
    expect((await failureOf(identity.useCases.login.execute(credentials, '192.0.2.7'))).code).toBe(
      'RATE_LIMITED',
    );
    // Another address is not affected.
    await expect(identity.useCases.login.execute(credentials, '192.0.2.8')).resolves.toBeDefined();
  });

  it('forgets an account’s failures after a successful sign-in', async () => {
    const identity = await anIdentity();
    const { fields } = await identity.player();
    const fail = () =>
      failureOf(
        identity.useCases.login.execute(
          { usernameOrEmail: fields.username, password: 'wrong password' },
          undefined,
        ),
      );
    for (let attempt = 0; attempt < 4; attempt++) await fail();
    await identity.useCases.login.execute(
      { usernameOrEmail: fields.username, password: fields.password },
      undefined,
    );
    for (let attempt = 0; attempt < 4; attempt++)
      expect((await fail()).code).toBe('UNAUTHENTICATED');
    expect((await fail()).code).toBe('UNAUTHENTICATED');
    expect((await fail()).code).toBe('RATE_LIMITED');
  });

  it('keeps failures in the store, so every replica sees them', async () => {
    const identity = await anIdentity();
    const { viewer, fields } = await identity.player();
    await failureOf(
      identity.useCases.login.execute(
        { usernameOrEmail: fields.username, password: 'wrong password' },
        '10.1.1.1',
      ),
    );
    // A second identity over the same store stands for another replica.
    const replica = await anIdentity({ store: identity.store });
    for (let attempt = 0; attempt < 4; attempt++) {
      await failureOf(
        replica.useCases.login.execute(
          { usernameOrEmail: fields.username, password: 'wrong password' },
          '10.1.1.1',
        ),
      );
    }
    expect(
      (
        await failureOf(
          identity.useCases.login.execute(
            { usernameOrEmail: fields.username, password: fields.password },
            '10.1.1.1',
          ),
        )
      ).code,
    ).toBe('RATE_LIMITED');
    const records = await identity.store.collection('login_failures').find({}).toArray();
    expect(records.map((record) => record._id).sort()).toEqual([
      'ip:10.1.1.1',
      `user:${viewer.userId}`,
    ]);
  });

  it('upgrades a hash made with weaker parameters on the next sign-in', async () => {
    const before = await anIdentity({ hasher: new ScryptPasswordHasher({ logN: 8, r: 8, p: 1 }) });
    const fields = aPlayer().build();
    await before.useCases.register.execute(fields);
    // The same store, served after the hashing parameters were raised.
    const after = await anIdentity({
      store: before.store,
      hasher: new ScryptPasswordHasher({ logN: 10, r: 8, p: 1 }),
    });
    const users = after.store.collection<{ _id: string; passwordHash: string }>('users');
    const hashOf = async () =>
      (await users.findOne({ usernameKey: fields.username.toLowerCase() }))!.passwordHash;
    expect(await hashOf()).toMatch(/^\$scrypt\$ln=8,/);
    const credentials = { usernameOrEmail: fields.username, password: fields.password };
    await after.useCases.login.execute(credentials, undefined);
    expect(await hashOf()).toMatch(/^\$scrypt\$ln=10,/);
    await expect(after.useCases.login.execute(credentials, undefined)).resolves.toBeDefined();
  });
});
