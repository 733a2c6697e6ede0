import { createHash, randomBytes, randomUUID } from 'node:crypto';

/**
 * Refresh tokens are opaque random strings. Only their SHA-256 is stored, so a leaked
 * database holds no usable token. Each sign-in starts a family; every refresh uses up one
 * token and issues the next of the same family. A used token presented again means two
 * parties hold the family (one of them a thief), so the whole family is revoked.
 */

/** One stored refresh token. */
export interface RefreshTokenRecord {
  /** SHA-256 of the token, base64url. */
  hash: string;
  familyId: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  /** When it was exchanged for the next token; null while unused. */
  usedAt: Date | null;
}

/** The tokens descending from one sign-in. */
export interface RefreshTokenFamily {
  id: string;
  userId: string;
  createdAt: Date;
  /**
   * When the family was revoked (reuse detected, signed out, password changed); every token of
   * a revoked family is refused.
   */
  revokedAt: Date | null;
}

/** What a presented refresh token is worth. */
export type RefreshTokenVerdict = 'valid' | 'unknown' | 'revoked' | 'reused' | 'expired';

/** Bytes of randomness in a token: 256 bits, unguessable. */
export const REFRESH_TOKEN_BYTES = 32;

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** A new family for a user who just proved who they are. */
export function startFamily(userId: string, now: Date): RefreshTokenFamily {
  return { id: randomUUID(), userId, createdAt: now, revokedAt: null };
}

/** A fresh token of `family`: the string for the client and the record to store. */
export function issueRefreshToken(
  family: Pick<RefreshTokenFamily, 'id' | 'userId'>,
  now: Date,
  ttlMs: number,
): { token: string; record: RefreshTokenRecord } {
  const token = randomBytes(REFRESH_TOKEN_BYTES).toString('base64url');
  return {
    token,
    record: {
      hash: hashRefreshToken(token),
      familyId: family.id,
      userId: family.userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + ttlMs),
      usedAt: null,
    },
  };
}

/**
 * Judges a presented token from its record (null: no such token) and its family. A revoked
 * family outranks everything; a used token is `reused` even once expired, since its
 * descendants may still be alive.
 */
export function assessRefreshToken(
  record: RefreshTokenRecord | null,
  family: RefreshTokenFamily | null,
  now: Date,
): RefreshTokenVerdict {
  if (record === null || family === null) return 'unknown';
  if (family.revokedAt !== null) return 'revoked';
  if (record.usedAt !== null) return 'reused';
  if (record.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}
