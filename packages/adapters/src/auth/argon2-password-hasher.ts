import argon2 from 'argon2';
import bcrypt from 'bcryptjs';
import type { PasswordHasher } from '@sooscode/domain';

/** argon2id parameters: OWASP's recommendation (m = 19 MiB, t = 2, p = 1). */
export const ARGON2_PARAMS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const BCRYPT = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;
const MAX_PASSWORD_CHARS = 1024;

/**
 * argon2id hashing. Verifies argon2 hashes and legacy bcrypt `$2a$`/`$2b$`/`$2y$` hashes (accounts
 * migrated from the old server); bcrypt and weaker argon2 parameters report `needsRehash`.
 */
export class Argon2PasswordHasher implements PasswordHasher {
  async hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_PARAMS);
  }

  async verify(password: string, hash: string): Promise<{ valid: boolean; needsRehash: boolean }> {
    if (password.length > MAX_PASSWORD_CHARS) return { valid: false, needsRehash: false };
    try {
      if (BCRYPT.test(hash)) {
        const normalized = hash.startsWith('$2y$') ? `$2b$${hash.slice(4)}` : hash;
        return { valid: await bcrypt.compare(password, normalized), needsRehash: true };
      }
      if (!hash.startsWith('$argon2')) return { valid: false, needsRehash: false };
      const valid = await argon2.verify(hash, password);
      return { valid, needsRehash: valid && argon2.needsRehash(hash, ARGON2_PARAMS) };
    } catch {
      return { valid: false, needsRehash: false };
    }
  }
}
