import { describe, expect, it } from 'vitest';
import { anIdentity, failureOf } from '../support/anIdentity.ts';

describe('AdjustGil', () => {
  it('adds and removes gil and announces each new balance', async () => {
    const identity = await anIdentity();
    const admin = await identity.admin();
    const { viewer } = await identity.player();

    expect((await identity.useCases.adjustGil.execute(admin, viewer.userId, 50)).gil).toBe(150);
    expect((await identity.useCases.adjustGil.execute(admin, viewer.userId, -150)).gil).toBe(0);

    const changes = await identity.published('identity.gil.changed');
    expect(changes.map((message) => message.payload)).toEqual([
      { userId: viewer.userId, balance: 150, delta: 50 },
      { userId: viewer.userId, balance: 0, delta: -150 },
    ]);
  });

  it('refuses to go below 0 with INSUFFICIENT_GIL, changing and announcing nothing', async () => {
    const identity = await anIdentity();
    const admin = await identity.admin();
    const { viewer } = await identity.player();
    const failure = await failureOf(
      identity.useCases.adjustGil.execute(admin, viewer.userId, -101),
    );
    expect(failure).toMatchObject({ code: 'INSUFFICIENT_GIL', balance: 100, amount: -101 });
    expect((await identity.useCases.getViewer.execute(viewer))?.gil).toBe(100);
    expect(await identity.published('identity.gil.changed')).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown user', async () => {
    const identity = await anIdentity();
    const admin = await identity.admin();
    expect(
      (await failureOf(identity.useCases.adjustGil.execute(admin, 'no-such-user', 10))).code,
    ).toBe('NOT_FOUND');
  });

  it('is for admins only', async () => {
    const identity = await anIdentity();
    const { viewer } = await identity.player();
    expect(
      (await failureOf(identity.useCases.adjustGil.execute(viewer, viewer.userId, 1000))).code,
    ).toBe('FORBIDDEN');
    expect(
      (await failureOf(identity.useCases.adjustGil.execute(null, viewer.userId, 1000))).code,
    ).toBe('UNAUTHENTICATED');
    expect((await identity.useCases.getViewer.execute(viewer))?.gil).toBe(100);
  });

  it.each([0, 2.5])('refuses an amount of %s naming amount', async (amount) => {
    const identity = await anIdentity();
    const admin = await identity.admin();
    const { viewer } = await identity.player();
    expect(
      await failureOf(identity.useCases.adjustGil.execute(admin, viewer.userId, amount)),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amount' });
  });

  it('never overdraws under concurrent debits', async () => {
    const identity = await anIdentity();
    const admin = await identity.admin();
    const { viewer } = await identity.player();
    const results = await Promise.allSettled(
      Array.from({ length: 25 }, () =>
        identity.useCases.adjustGil.execute(admin, viewer.userId, -7),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(14);
    expect((await identity.useCases.getViewer.execute(viewer))?.gil).toBe(2);
  });
});
