import { isPublished, type Jwk } from '../domain/SigningKey.ts';
import type { SigningKeyRepository } from '../domain/SigningKeyRepository.ts';

/** A JSON Web Key Set (RFC 7517 §5): public keys only. */
export interface Jwks {
  keys: Jwk[];
}

/**
 * The public keys verifiers need: the active one and those retired less than an access-token
 * lifetime ago, whose tokens may still be unexpired.
 */
export class GetJwks {
  constructor(
    private readonly keys: SigningKeyRepository,
    private readonly settings: { accessTokenTtlSeconds: number },
  ) {}

  async execute(now = new Date()): Promise<Jwks> {
    const retentionMs = this.settings.accessTokenTtlSeconds * 1000;
    const keys = await this.keys.all();
    return {
      keys: keys
        .filter((key) => isPublished(key, now, retentionMs))
        .sort((a, b) => b.generation - a.generation)
        .map((key) => publicMembersOf(key.publicJwk)),
    };
  }
}

/** Private JWK members (RFC 7518 §6): never published, whatever was stored. */
const PRIVATE_MEMBERS = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k']);

function publicMembersOf(jwk: Jwk): Jwk {
  return Object.fromEntries(Object.entries(jwk).filter(([name]) => !PRIVATE_MEMBERS.has(name)));
}
