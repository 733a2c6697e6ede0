import { describe, expect, it } from 'vitest';
import { anIdentity } from '../support/anIdentity.ts';

const TTL_MS = 900 * 1000;

describe('signing keys', () => {
  it('start with one active key, made once however often it is ensured', async () => {
    const identity = await anIdentity();
    const first = await identity.useCases.rotateSigningKey.ensureActive();
    const again = await identity.useCases.rotateSigningKey.ensureActive();
    expect(again.kid).toBe(first.kid);
    expect(first.generation).toBe(1);
    const jwks = await identity.useCases.getJwks.execute();
    expect(jwks.keys).toEqual([
      {
        kty: 'EC',
        crv: 'P-256',
        x: expect.any(String),
        y: expect.any(String),
        kid: first.kid,
        alg: 'ES256',
        use: 'sig',
      },
    ]);
  });

  it('rotate to a new key and keep the old one published until its tokens expired', async () => {
    const identity = await anIdentity();
    const old = await identity.useCases.rotateSigningKey.ensureActive();
    const now = new Date();
    const next = await identity.useCases.rotateSigningKey.execute(now);
    expect(next.kid).not.toBe(old.kid);
    expect(next.generation).toBe(old.generation + 1);

    const kidsAt = async (at: Date) =>
      (await identity.useCases.getJwks.execute(at)).keys.map((key) => key['kid']);
    expect(await kidsAt(new Date(now.getTime() + TTL_MS - 1))).toEqual([next.kid, old.kid]);
    expect(await kidsAt(new Date(now.getTime() + TTL_MS))).toEqual([next.kid]);
  });

  it('sign new tokens with the new key', async () => {
    const identity = await anIdentity();
    const before = await identity.player();
    const rotated = await identity.useCases.rotateSigningKey.execute();
    const after = await identity.player();
    const kidOf = (token: string) =>
      JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')).kid;
    expect(kidOf(after.session.accessToken)).toBe(rotated.kid);
    expect(kidOf(before.session.accessToken)).not.toBe(rotated.kid);
  });

  it('rotate on schedule only once the active key is old enough', async () => {
    const identity = await anIdentity();
    const active = await identity.useCases.rotateSigningKey.ensureActive();
    const day = 24 * 60 * 60 * 1000;
    const early = new Date(active.createdAt.getTime() + day - 1);
    expect((await identity.useCases.rotateSigningKey.rotateIfDue(day, early)).kid).toBe(active.kid);
    const due = new Date(active.createdAt.getTime() + day);
    expect((await identity.useCases.rotateSigningKey.rotateIfDue(day, due)).kid).not.toBe(
      active.kid,
    );
  });

  it('agree on one new key when replicas rotate at the same moment', async () => {
    const identity = await anIdentity();
    const replica = await anIdentity({ store: identity.store });
    const [a, b] = await Promise.all([
      identity.useCases.rotateSigningKey.execute(),
      replica.useCases.rotateSigningKey.execute(),
    ]);
    const keys = await identity.store.collection('signing_keys').find({}).toArray();
    const active = keys.filter((key) => key['retiredAt'] === null);
    // Either both adopted one key, or one rotated after the other: one key is active either way.
    expect(active).toHaveLength(1);
    expect([a.kid, b.kid]).toContain(active[0]!['kid']);
  });

  it('delete keys whose tokens have all expired', async () => {
    const identity = await anIdentity();
    const start = Date.now();
    await identity.useCases.rotateSigningKey.execute(new Date(start));
    await identity.useCases.rotateSigningKey.execute(new Date(start + 1000));
    await identity.useCases.rotateSigningKey.execute(new Date(start + 1000 + TTL_MS + 1));
    const kept = await identity.store.collection('signing_keys').countDocuments({});
    // The first two retired keys are past retention; the previous and the active one remain.
    expect(kept).toBe(2);
  });
});
