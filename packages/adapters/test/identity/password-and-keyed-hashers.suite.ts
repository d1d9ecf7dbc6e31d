import { describe, expect, it } from 'vitest';
import argon2 from 'argon2';
import bcrypt from 'bcryptjs';
import { ARGON2_PARAMS, Argon2PasswordHasher } from '../../src/auth/argon2-password-hasher';
import { HmacKeyedHasher } from '../../src/auth/hmac-keyed-hasher';

const hasher = new Argon2PasswordHasher();

describe('Argon2PasswordHasher', () => {
  it('hashes with argon2id m=19 MiB, t=2, p=1, salted, and verifies without a rehash', async () => {
    const a = await hasher.hash('Passw0rd!');
    const b = await hasher.hash('Passw0rd!');
    const params = /^\$argon2id\$v=19\$([^$]+)\$/.exec(a)?.[1]?.split(',').sort();
    expect(params).toEqual(['m=19456', 'p=1', 't=2']);
    expect(ARGON2_PARAMS).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    expect(a).not.toBe(b);
    expect(await hasher.verify('Passw0rd!', a)).toEqual({ valid: true, needsRehash: false });
    expect(await hasher.verify('Passw0rd?', a)).toEqual({ valid: false, needsRehash: false });
  });

  it('accepts legacy bcrypt $2a$, $2b$ and $2y$ hashes and asks for a rehash', async () => {
    const b2a = bcrypt.hashSync('Passw0rd!', '$2a$04$abcdefghijklmnopqrstuu');
    const b2b = bcrypt.hashSync('Passw0rd!', bcrypt.genSaltSync(4));
    const b2y = `$2y$${b2a.slice(4)}`;
    expect(b2a.startsWith('$2a$04$')).toBe(true);
    expect(b2b.startsWith('$2b$04$')).toBe(true);
    for (const h of [b2a, b2b, b2y]) {
      expect(await hasher.verify('Passw0rd!', h), h).toEqual({ valid: true, needsRehash: true });
      expect(await hasher.verify('Passw0rd?', h), h).toMatchObject({ valid: false });
    }
  });

  it('asks for a rehash of argon2 hashes with weaker parameters', async () => {
    const weak = await argon2.hash('Passw0rd!', { type: argon2.argon2id, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    const argon2i = await argon2.hash('Passw0rd!', { ...ARGON2_PARAMS, type: argon2.argon2i });
    expect(await hasher.verify('Passw0rd!', weak)).toEqual({ valid: true, needsRehash: true });
    expect((await hasher.verify('Passw0rd!', argon2i)).valid).toBe(true);
  });

  it('answers false, never throws, for malformed hashes and absurd passwords', async () => {
    for (const h of ['', 'plain:Passw0rd!', '$2b$10$short', '$argon2id$v=19$garbage', '$2x$10$abcdefghijklmnopqrstuuchGdllX0O2ZthG6oyaPSbmBrCIbnHlu', 'Passw0rd!']) {
      expect(await hasher.verify('Passw0rd!', h), h).toEqual({ valid: false, needsRehash: false });
    }
    const real = await hasher.hash('x'.repeat(16));
    expect(await hasher.verify('x'.repeat(100_000), real)).toEqual({ valid: false, needsRehash: false });
    expect(await hasher.verify('', real)).toEqual({ valid: false, needsRehash: false });
  });
});

describe('HmacKeyedHasher', () => {
  it('is HMAC-SHA256 in base64url, keyed, deterministic, and compares in constant time', () => {
    const a = new HmacKeyedHasher('key-one');
    const b = new HmacKeyedHasher(new TextEncoder().encode('key-one'));
    const c = new HmacKeyedHasher('key-two');
    // RFC 4231 test case 2: HMAC-SHA256("Jefe", "what do ya want for nothing?").
    const rfc = Buffer.from('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843', 'hex').toString('base64url');
    expect(new HmacKeyedHasher('Jefe').hash('what do ya want for nothing?')).toBe(rfc);
    expect(a.hash('m')).toBe(b.hash('m'));
    expect(a.hash('m')).not.toBe(c.hash('m'));
    expect(a.hash('m')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.equals(a.hash('m'), a.hash('m'))).toBe(true);
    expect(a.equals(a.hash('m'), a.hash('n'))).toBe(false);
    expect(a.equals('abc', 'abcd')).toBe(false);
    expect(a.equals('', '')).toBe(true);
  });
});
