import { afterEach, describe, expect, it, vi } from 'vitest';
import { INVALID_CREDENTIALS } from '../../src/application/Login.ts';
import { ScryptPasswordHasher } from '../../src/infrastructure/ScryptPasswordHasher.ts';
import { aPlayer } from '../support/aPlayer.ts';
import {
  anIdentity,
  countingHasher,
  FAST_HASHER,
  failureOf,
  sharedLimiters,
  TEST_SETTINGS,
} from '../support/anIdentity.ts';

const ATTACKER = '203.0.113.66';
const OWNER = '198.51.100.7';

async function aSignedUpPlayer(options: Parameters<typeof anIdentity>[0] = {}) {
  const identity = await anIdentity(options);
  const { fields, viewer } = await identity.player();
  const signIn = (
    password: string,
    clientIp: string | undefined,
    usernameOrEmail = fields.username,
  ) => identity.useCases.login.execute({ usernameOrEmail, password }, clientIp);
  return { identity, fields, viewer, signIn };
}

describe('Login', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('signs in by username or email, ignoring case', async () => {
    const { fields, viewer, signIn } = await aSignedUpPlayer();
    for (const usernameOrEmail of [fields.username, fields.email.toUpperCase()]) {
      const session = await signIn(fields.password, '10.0.0.1', usernameOrEmail);
      expect(session.user.id).toBe(viewer.userId);
    }
  });

  it('answers a wrong password and an unknown account identically', async () => {
    const { identity, signIn } = await aSignedUpPlayer();
    const wrong = await failureOf(signIn('not the password', '10.0.0.1'));
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
    const { identity, signIn } = await aSignedUpPlayer({ hasher: counting });
    await failureOf(signIn('wrong password', undefined));
    await failureOf(
      identity.useCases.login.execute(
        { usernameOrEmail: 'nobody_at_all', password: 'wrong password' },
        undefined,
      ),
    );
    // One scrypt verification each, with the same parameters.
    expect(verified).toEqual(['ln=10,r=8,p=1', 'ln=10,r=8,p=1']);
  });

  it('checks at most the budget of passwords when 40 wrong ones arrive at once', async () => {
    const { hasher, counts } = countingHasher();
    const { signIn } = await aSignedUpPlayer({ hasher });
    const before = counts.verified;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, n) => failureOf(signIn(`wrong password ${n}`, ATTACKER))),
    );
    const codes = results.map((failure) => failure.code);
    expect(counts.verified - before).toBe(5);
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(35);
    for (const failure of results.filter((result) => result.code === 'RATE_LIMITED')) {
      expect(failure['retryAfterSeconds']).toEqual(expect.any(Number));
      expect(failure.message).toMatch(/try again in \d+ seconds/);
    }
  });

  it('locks out only the failing address: the owner still signs in from theirs', async () => {
    const { hasher, counts } = countingHasher();
    const { fields, viewer, signIn } = await aSignedUpPlayer({ hasher });
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await failureOf(signIn('wrong password', ATTACKER))).code).toBe('UNAUTHENTICATED');
    }
    const checked = counts.verified;
    // Even the right password is refused from the attacker's address, without hashing it.
    const limited = await failureOf(signIn(fields.password, ATTACKER));
    expect(limited).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 60 });
    expect(counts.verified).toBe(checked);
    // The owner, from another address, is not stopped.
    expect((await signIn(fields.password, OWNER)).user.id).toBe(viewer.userId);
    expect((await signIn(fields.password, OWNER, fields.email)).user.id).toBe(viewer.userId);
  });

  it('locks an address out for longer with each further failure, up to the maximum', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const { signIn } = await aSignedUpPlayer({
      settings: {
        signInLimits: {
          ...TEST_SETTINGS.signInLimits,
          firstLockoutSeconds: 60,
          maxLockoutSeconds: 200,
        },
      },
    });
    for (let attempt = 0; attempt < 5; attempt++) await failureOf(signIn('wrong', ATTACKER));
    const waits: unknown[] = [];
    for (let lockout = 0; lockout < 4; lockout++) {
      const limited = await failureOf(signIn('wrong', ATTACKER));
      expect(limited.code).toBe('RATE_LIMITED');
      waits.push(limited['retryAfterSeconds']);
      vi.advanceTimersByTime((limited['retryAfterSeconds'] as number) * 1000 + 1);
      // After the lockout, one more try: wrong again, so the next lockout is longer.
      expect((await failureOf(signIn('wrong', ATTACKER))).code).toBe('UNAUTHENTICATED');
    }
    expect(waits).toEqual([60, 120, 200, 200]);
  });

  it('forgets an account’s failures from an address after a successful sign-in there', async () => {
    const { fields, signIn } = await aSignedUpPlayer();
    const fail = () => failureOf(signIn('wrong password', OWNER));
    for (let attempt = 0; attempt < 4; attempt++) await fail();
    await signIn(fields.password, OWNER);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await fail()).code).toBe('UNAUTHENTICATED');
    }
    expect((await fail()).code).toBe('RATE_LIMITED');
  });

  it('throttles an address after its limit, whichever accounts it tries', async () => {
    const { identity, fields, signIn } = await aSignedUpPlayer({
      settings: { signInLimits: { ...TEST_SETTINGS.signInLimits, perAddress: 3 } },
    });
    for (const name of ['first_try', 'second_try', 'third_try']) {
      await failureOf(
        identity.useCases.login.execute(
          { usernameOrEmail: name, password: 'some password' },
          '192.0.2.7',
        ),
      );
    }
    expect((await failureOf(signIn(fields.password, '192.0.2.7'))).code).toBe('RATE_LIMITED');
    // Another address is not affected.
    await expect(signIn(fields.password, '192.0.2.8')).resolves.toBeDefined();
  });

  it('does not count successful sign-ins against the address', async () => {
    const { fields, signIn } = await aSignedUpPlayer({
      settings: { signInLimits: { ...TEST_SETTINGS.signInLimits, perAddress: 2 } },
    });
    for (let attempt = 0; attempt < 5; attempt++) {
      await expect(signIn(fields.password, '192.0.2.9')).resolves.toBeDefined();
    }
    expect((await failureOf(signIn('wrong password', '192.0.2.9'))).code).toBe('UNAUTHENTICATED');
  });

  it('limits guessing one account from many addresses with the per-account budget', async () => {
    const { signIn } = await aSignedUpPlayer({
      settings: { signInLimits: { ...TEST_SETTINGS.signInLimits, perAccount: 6 } },
    });
    for (let address = 1; address <= 6; address++) {
      expect((await failureOf(signIn('a guess', `192.0.2.${address}`))).code).toBe(
        'UNAUTHENTICATED',
      );
    }
    expect((await failureOf(signIn('a guess', '192.0.2.100'))).code).toBe('RATE_LIMITED');
  });

  it('shares the budgets between replicas', async () => {
    const limiters = sharedLimiters();
    const { identity, fields, signIn } = await aSignedUpPlayer({ limiters });
    // A second identity over the same store and budgets stands for another replica.
    const replica = await anIdentity({ store: identity.store, limiters });
    for (let attempt = 0; attempt < 5; attempt++) {
      await failureOf(
        replica.useCases.login.execute(
          { usernameOrEmail: fields.username, password: 'wrong password' },
          ATTACKER,
        ),
      );
    }
    expect((await failureOf(signIn(fields.password, ATTACKER))).code).toBe('RATE_LIMITED');
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

  it('upgrades a hash of the former default (N=2^15) to the current one (N=2^17)', async () => {
    const before = await anIdentity({ hasher: new ScryptPasswordHasher({ logN: 15, r: 8, p: 1 }) });
    const fields = aPlayer().build();
    await before.useCases.register.execute(fields);
    const after = await anIdentity({ store: before.store, hasher: new ScryptPasswordHasher() });
    const users = after.store.collection<{ _id: string; passwordHash: string }>('users');
    const hashOf = async () =>
      (await users.findOne({ usernameKey: fields.username.toLowerCase() }))!.passwordHash;
    expect(await hashOf()).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$/);
    await after.useCases.login.execute(
      { usernameOrEmail: fields.username, password: fields.password },
      undefined,
    );
    expect(await hashOf()).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
  });
});
