import type { StoreSession } from '@play-economy/chassis/domain';
import type { RefreshTokenFamily, RefreshTokenRecord } from './RefreshToken.ts';

/** Refresh tokens (by hash) and their families. */
export interface RefreshTokenRepository {
  insertFamily(family: RefreshTokenFamily): Promise<void>;
  insert(record: RefreshTokenRecord): Promise<void>;
  /**
   * Marks the token used if, and only if, it is unused and unexpired, in one atomic conditional
   * update: of two concurrent uses, exactly one gets the record back (as it was); the other null.
   */
  consume(hash: string, now: Date): Promise<RefreshTokenRecord | null>;
  find(hash: string): Promise<RefreshTokenRecord | null>;
  findFamily(id: string): Promise<RefreshTokenFamily | null>;
  /** Makes every token of the family unusable, including ones issued after this call. */
  revokeFamily(id: string, now: Date): Promise<void>;
  /**
   * Revokes every family of the user (each of their sessions), in `session`'s transaction when
   * given. Sessions started afterwards are not affected.
   */
  revokeAllOfUser(userId: string, now: Date, session?: StoreSession): Promise<void>;
}
