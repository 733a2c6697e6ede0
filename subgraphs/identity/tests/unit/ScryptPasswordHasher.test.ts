import { describe, expect, it } from 'vitest';
import {
  ScryptPasswordHasher,
  scryptMemoryOf,
} from '../../src/infrastructure/ScryptPasswordHasher.ts';

const hasher = new ScryptPasswordHasher();

describe('ScryptPasswordHasher', () => {
  it('hashes with scrypt N=2^17, r=8, p=1, a 16-byte salt and a 64-byte key, self-described', async () => {
    const hash = await hasher.hash('correct horse battery staple');
    const [, algorithm, params, salt, key] = hash.split('$');
    expect(algorithm).toBe('scrypt');
    expect(params).toBe('ln=17,r=8,p=1');
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64')).toHaveLength(64);
    expect(hash).not.toContain('correct horse');
  });

  it('verifies the right password only', async () => {
    const hash = await hasher.hash('correct horse battery staple');
    expect(await hasher.verify('correct horse battery staple', hash)).toBe(true);
    expect(await hasher.verify('correct horse battery stapl', hash)).toBe(false);
    expect(await hasher.verify('Correct horse battery staple', hash)).toBe(false);
    expect(await hasher.verify('', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    const [first, second] = await Promise.all([
      hasher.hash('same password twice'),
      hasher.hash('same password twice'),
    ]);
    expect(first).not.toBe(second);
  });

  it('matches a password however its characters were composed (NFC)', async () => {
    const hash = await hasher.hash('caf\u00e9 au lait!');
    expect(await hasher.verify('cafe\u0301 au lait!', hash)).toBe(true);
  });

  it('reads the parameters from the hash, so older hashes keep verifying after a raise', async () => {
    const weak = new ScryptPasswordHasher({ logN: 10, r: 8, p: 1 });
    const hash = await weak.hash('an older password');
    expect(hash.startsWith('$scrypt$ln=10,r=8,p=1$')).toBe(true);
    expect(await hasher.verify('an older password', hash)).toBe(true);
    expect(hasher.needsRehash(hash)).toBe(true);
    expect(hasher.needsRehash(await hasher.hash('a current password'))).toBe(false);
  });

  it('allows scrypt just the memory N=2^17 needs: a little over 128 · N · r = 128 MiB', () => {
    const memory = scryptMemoryOf({ logN: 17, r: 8, p: 1 });
    expect(memory).toBeGreaterThan(128 * 2 ** 17 * 8);
    expect(memory).toBeLessThan(129 * 1024 * 1024);
  });

  it('refuses parameters needing more than 256 MiB', () => {
    expect(() => new ScryptPasswordHasher({ logN: 18, r: 8, p: 1 })).toThrow(RangeError);
  });

  it.each([
    ['garbage', 'not a hash'],
    [
      'too much memory',
      '$scrypt$ln=16,r=64,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA',
    ],
    ['another algorithm', '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA'],
    ['absurd parameters', '$scrypt$ln=40,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA'],
    ['a short key', '$scrypt$ln=10,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA'],
  ])('refuses %s without throwing', async (_case, hash) => {
    expect(await hasher.verify('whatever password', hash)).toBe(false);
    expect(hasher.needsRehash(hash)).toBe(true);
  });

  it('refuses a tampered hash', async () => {
    const hash = await hasher.hash('tamper with me please');
    const key = hash.slice(hash.lastIndexOf('$') + 1);
    const flipped = `${key[0] === 'A' ? 'B' : 'A'}${key.slice(1)}`;
    const tampered = `${hash.slice(0, hash.lastIndexOf('$') + 1)}${flipped}`;
    expect(await hasher.verify('tamper with me please', tampered)).toBe(false);
  });
});
