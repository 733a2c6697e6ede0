import { activeKeyOf, isRotationDue, type SigningKey } from '../domain/SigningKey.ts';
import type { SigningKeyRepository } from '../domain/SigningKeyRepository.ts';
import type { TokenSigner } from '../domain/TokenSigner.ts';

export interface RotateSigningKeySettings {
  /** Lifetime of access tokens: how long a retired key stays published. */
  accessTokenTtlSeconds: number;
}

/**
 * Makes a new signing key active and retires the previous one, which stays in the JWKS until
 * the tokens it signed have expired. Replicas rotating at the same moment agree on one new key
 * (generations are unique); the loser adopts the winner's.
 */
export class RotateSigningKey {
  constructor(
    private readonly keys: SigningKeyRepository,
    private readonly signer: TokenSigner,
    private readonly settings: RotateSigningKeySettings,
  ) {}

  /** Rotates now; resolves the new active key. */
  execute(now = new Date()): Promise<SigningKey> {
    return this.#rotateUnless(() => false, now);
  }

  /** Makes a key when there is no active one (first start); resolves the active key. */
  ensureActive(now = new Date()): Promise<SigningKey> {
    return this.#rotateUnless(() => true, now);
  }

  /** Rotates when the active key has been in use for `periodMs`; resolves the active key. */
  rotateIfDue(periodMs: number, now = new Date()): Promise<SigningKey> {
    return this.#rotateUnless((active) => !isRotationDue(active, now, periodMs), now);
  }

  async #rotateUnless(keep: (active: SigningKey) => boolean, now: Date): Promise<SigningKey> {
    const keys = await this.keys.all();
    const active = activeKeyOf(keys);
    if (active && keep(active)) return active;

    const generation = Math.max(0, ...keys.map((key) => key.generation)) + 1;
    const key: SigningKey = {
      ...(await this.signer.createKeyPair()),
      generation,
      createdAt: now,
      retiredAt: null,
    };
    // From the insert on, the new key is the active one (the newest generation not retired);
    // stamping the older ones only starts their countdown out of the JWKS.
    if (!(await this.keys.insert(key))) {
      const winner = activeKeyOf(await this.keys.all());
      if (!winner) throw new Error('no active signing key after a concurrent rotation');
      return winner;
    }
    await this.keys.retireBefore(generation, now);
    const retentionMs = this.settings.accessTokenTtlSeconds * 1000;
    await this.keys.deleteRetiredBefore(new Date(now.getTime() - retentionMs));
    return key;
  }
}
