import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PasswordHasher } from '../domain/PasswordHasher.ts';

/** scrypt's cost parameters (RFC 7914). */
export interface ScryptParameters {
  /** log2 of N, the CPU/memory cost. Memory used is 128 · N · r bytes. */
  logN: number;
  /** Block size. */
  r: number;
  /** Parallelism. */
  p: number;
}

/**
 * N = 2^17, r = 8, p = 1: 128 · N · r = 128 MiB and a few hundred milliseconds per hash, OWASP's
 * minimum for scrypt (Password Storage Cheat Sheet).
 */
export const DEFAULT_SCRYPT_PARAMETERS: ScryptParameters = { logN: 17, r: 8, p: 1 };

/**
 * The most memory a hash may ask for, with room above the default's 128 MiB. A corrupted or
 * hostile stored hash asking for more is refused instead of computed.
 */
export const MAX_SCRYPT_MEMORY_BYTES = 256 * 1024 * 1024;

const SALT_BYTES = 16;
const KEY_BYTES = 64;
const FORMAT =
  /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/**
 * The memory scrypt needs, as OpenSSL counts it against `maxmem`: 128 · r · (N + p + 2) bytes,
 * a little over 128 · N · r. Node's default `maxmem` (32 MiB) is far below N = 2^17's 128 MiB,
 * and `maxmem` set to exactly 128 · N · r is refused too.
 */
export function scryptMemoryOf({ logN, r, p }: ScryptParameters): number {
  return 128 * r * (2 ** logN + p + 2);
}

function derive(password: string, salt: Buffer, length: number, params: ScryptParameters) {
  const options: ScryptOptions = {
    N: 2 ** params.logN,
    r: params.r,
    p: params.p,
    maxmem: scryptMemoryOf(params),
  };
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

const encode = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

/**
 * Passwords hashed with scrypt (memory-hard), a random 16-byte salt and a 64-byte key, stored
 * in the PHC string format with the parameters: `$scrypt$ln=17,r=8,p=1$<salt>$<key>`.
 * Passwords are NFC-normalized first, so the same password typed on different systems matches.
 */
export class ScryptPasswordHasher implements PasswordHasher {
  constructor(private readonly params: ScryptParameters = DEFAULT_SCRYPT_PARAMETERS) {
    if (scryptMemoryOf(params) > MAX_SCRYPT_MEMORY_BYTES) {
      throw new RangeError(`scrypt parameters need more than ${MAX_SCRYPT_MEMORY_BYTES} bytes`);
    }
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const key = await derive(password, salt, KEY_BYTES, this.params);
    const { logN, r, p } = this.params;
    return `$scrypt$ln=${logN},r=${r},p=${p}$${encode(salt)}$${encode(key)}`;
  }

  async verify(password: string, hash: string): Promise<boolean> {
    const parsed = parse(hash);
    if (!parsed) return false;
    const actual = await derive(password, parsed.salt, parsed.key.length, parsed.params);
    return timingSafeEqual(actual, parsed.key);
  }

  needsRehash(hash: string): boolean {
    const parsed = parse(hash);
    if (!parsed) return true;
    const { logN, r, p } = parsed.params;
    return logN < this.params.logN || r < this.params.r || p < this.params.p;
  }
}

function parse(hash: string) {
  const match = FORMAT.exec(hash);
  if (!match) return undefined;
  const [, logN, r, p, salt, key] = match;
  const params = { logN: Number(logN), r: Number(r), p: Number(p) };
  // Bounds that keep a corrupted or hostile hash from asking for gigabytes.
  if (
    params.logN < 1 ||
    params.logN > 20 ||
    params.r < 1 ||
    params.p < 1 ||
    params.p > 16 ||
    scryptMemoryOf(params) > MAX_SCRYPT_MEMORY_BYTES
  ) {
    return undefined;
  }
  const keyBytes = Buffer.from(key!, 'base64');
  if (keyBytes.length < 16) return undefined;
  return { params, salt: Buffer.from(salt!, 'base64'), key: keyBytes };
}
