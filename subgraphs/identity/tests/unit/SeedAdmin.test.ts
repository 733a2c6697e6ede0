import { describe, expect, it } from 'vitest';
import { aPlayer } from '../support/aPlayer.ts';
import { anIdentity } from '../support/anIdentity.ts';

describe('SeedAdmin', () => {
  it('creates the admin once and never overwrites its password', async () => {
    const identity = await anIdentity();
    const admin = aPlayer().build();
    expect(await identity.useCases.seedAdmin.execute(admin)).toBe('created');
    expect(
      await identity.useCases.seedAdmin.execute({ ...admin, password: 'another long password' }),
    ).toBe('exists');
    const session = await identity.useCases.login.execute(
      { usernameOrEmail: admin.username, password: admin.password },
      undefined,
    );
    expect(session.user.roles).toEqual(['ADMIN']);
    expect(
      (await identity.published('identity.user.created')).map((message) => message.payload),
    ).toEqual([{ userId: session.user.id, username: admin.username }]);
  });

  it('leaves a non-admin holding the name alone', async () => {
    const identity = await anIdentity();
    const { fields } = await identity.player();
    expect(await identity.useCases.seedAdmin.execute({ ...fields, email: 'x@example.com' })).toBe(
      'taken-by-non-admin',
    );
  });

  it('is safe for replicas seeding together', async () => {
    const identity = await anIdentity();
    const replica = await anIdentity({ store: identity.store });
    const admin = aPlayer().build();
    const outcomes = await Promise.all([
      identity.useCases.seedAdmin.execute(admin),
      replica.useCases.seedAdmin.execute(admin),
    ]);
    expect(outcomes.sort()).toEqual(['created', 'exists']);
  });
});
