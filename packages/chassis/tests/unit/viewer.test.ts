import { describe, expect, it } from 'vitest';
import { signViewer, verifyViewer, type Viewer } from '../../src/auth/Viewer.ts';

const SECRET = 'unit-test-router-secret-unit-test-router-secret';
const player: Viewer = { userId: 'u-1', roles: ['PLAYER'] };

describe('signed viewer', () => {
  it('round-trips a viewer, an anonymous caller and the client address', () => {
    expect(verifyViewer(signViewer(player, SECRET, { clientIp: '10.0.0.7' }), SECRET)).toEqual({
      ok: true,
      viewer: player,
      origin: { clientIp: '10.0.0.7' },
    });
    expect(verifyViewer(signViewer(null, SECRET), SECRET)).toEqual({
      ok: true,
      viewer: null,
      origin: { clientIp: undefined },
    });
  });

  it('refuses a missing header, another secret and any tampering', () => {
    const signed = signViewer(player, SECRET);
    const [payload, mac] = signed.split('.') as [string, string];
    const promoted = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload, 'base64url').toString()),
        roles: ['ADMIN'],
      }),
    ).toString('base64url');
    expect(verifyViewer(undefined, SECRET)).toMatchObject({ ok: false, reason: 'missing' });
    expect(verifyViewer(signed, `${SECRET}x`)).toMatchObject({
      ok: false,
      reason: 'bad signature',
    });
    expect(verifyViewer(`${promoted}.${mac}`, SECRET)).toMatchObject({
      ok: false,
      reason: 'bad signature',
    });
    expect(verifyViewer(`${payload}.${mac}.x`, SECRET)).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    expect(verifyViewer('garbage', SECRET)).toMatchObject({ ok: false });
  });

  it('refuses a signature older than five minutes', () => {
    const signedAt = Date.parse('2026-01-01T00:00:00Z');
    const signed = signViewer(player, SECRET, {}, signedAt);
    expect(verifyViewer(signed, SECRET, signedAt + 299_000).ok).toBe(true);
    expect(verifyViewer(signed, SECRET, signedAt + 301_000)).toMatchObject({
      ok: false,
      reason: 'expired',
    });
  });
});
