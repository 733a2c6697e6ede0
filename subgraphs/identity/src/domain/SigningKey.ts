/**
 * Keys that sign access tokens. Exactly one is active (the newest generation not retired);
 * rotation makes a new active key and retires the previous one, which stays published in the
 * JWKS until every token it signed has expired.
 */

/** A JSON Web Key (RFC 7517), as stored and as published. */
export type Jwk = Record<string, unknown>;

export interface SigningKey {
  /** Key id, the `kid` header of the tokens it signs: the public key's RFC 7638 thumbprint. */
  kid: string;
  /** 1 for the first key, incremented by each rotation; unique, so rotations cannot race. */
  generation: number;
  privateJwk: Jwk;
  publicJwk: Jwk;
  createdAt: Date;
  /** When a newer key replaced it; null for the active key. */
  retiredAt: Date | null;
}

/** The key to sign with: the newest generation not retired. */
export function activeKeyOf(keys: readonly SigningKey[]): SigningKey | undefined {
  let active: SigningKey | undefined;
  for (const key of keys) {
    if (key.retiredAt === null && (active === undefined || key.generation > active.generation)) {
      active = key;
    }
  }
  return active;
}

/**
 * Whether a key belongs in the JWKS: active, or retired so recently that tokens it signed may
 * still be unexpired (`retentionMs` is the access-token lifetime).
 */
export function isPublished(key: SigningKey, now: Date, retentionMs: number): boolean {
  return key.retiredAt === null || key.retiredAt.getTime() + retentionMs > now.getTime();
}

/** Whether the active key has been in use for a rotation period. */
export function isRotationDue(active: SigningKey, now: Date, periodMs: number): boolean {
  return now.getTime() - active.createdAt.getTime() >= periodMs;
}
