import type { SigningKey } from './SigningKey.ts';

/** Signing keys, shared by every replica. A handful at any time. */
export interface SigningKeyRepository {
  all(): Promise<SigningKey[]>;
  /** False, storing nothing, when a key of the same generation exists (another replica won). */
  insert(key: SigningKey): Promise<boolean>;
  /** Stamps `retiredAt` on every key older than `generation` that is not retired yet. */
  retireBefore(generation: number, now: Date): Promise<void>;
  /** Deletes keys retired before `before`: no token they signed is still valid. */
  deleteRetiredBefore(before: Date): Promise<number>;
}
