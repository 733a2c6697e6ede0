import { describe, expect, it } from 'vitest';
import {
  assessRefreshToken,
  hashRefreshToken,
  issueRefreshToken,
  startFamily,
} from '../../src/domain/RefreshToken.ts';

const now = new Date('2026-01-01T00:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const DAY = 24 * 60 * 60 * 1000;

describe('refresh tokens', () => {
  it('are 32 random bytes, base64url, stored only as their SHA-256', () => {
    const family = startFamily('u-1', now);
    const { token, record } = issueRefreshToken(family, now, 30 * DAY);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(record).toEqual({
      hash: hashRefreshToken(token),
      familyId: family.id,
      userId: 'u-1',
      createdAt: now,
      expiresAt: later(30 * DAY),
      usedAt: null,
    });
    expect(JSON.stringify(record)).not.toContain(token);
    expect(issueRefreshToken(family, now, DAY).token).not.toBe(token);
  });

  it('judge an unused, unexpired token of a live family valid', () => {
    const family = startFamily('u-1', now);
    const { record } = issueRefreshToken(family, now, DAY);
    expect(assessRefreshToken(record, family, later(DAY - 1))).toBe('valid');
  });

  it('judge an unknown token (or one without a family) unknown', () => {
    const family = startFamily('u-1', now);
    const { record } = issueRefreshToken(family, now, DAY);
    expect(assessRefreshToken(null, family, now)).toBe('unknown');
    expect(assessRefreshToken(record, null, now)).toBe('unknown');
  });

  it('judge a token expired at its expiry', () => {
    const family = startFamily('u-1', now);
    const { record } = issueRefreshToken(family, now, DAY);
    expect(assessRefreshToken(record, family, later(DAY))).toBe('expired');
  });

  it('judge a used token reused, even after it expired: its descendants may be alive', () => {
    const family = startFamily('u-1', now);
    const { record } = issueRefreshToken(family, now, DAY);
    const used = { ...record, usedAt: later(1000) };
    expect(assessRefreshToken(used, family, later(2000))).toBe('reused');
    expect(assessRefreshToken(used, family, later(2 * DAY))).toBe('reused');
  });

  it('judge every token of a revoked family revoked, including fresh ones', () => {
    const family = startFamily('u-1', now);
    const revoked = { ...family, revokedAt: later(1000) };
    const older = { ...issueRefreshToken(family, now, DAY).record, usedAt: later(500) };
    const newest = issueRefreshToken(family, later(2000), DAY).record;
    expect(assessRefreshToken(older, revoked, later(3000))).toBe('revoked');
    expect(assessRefreshToken(newest, revoked, later(3000))).toBe('revoked');
  });
});
