/** One-way password hashing with a memory-hard KDF. */
export interface PasswordHasher {
  /** Hashes `password` with the current parameters (argon2id). */
  hash(password: string): Promise<string>;
  /**
   * Checks `password` against `hash` (argon2id, or legacy bcrypt `$2a$`/`$2b$`/`$2y$`).
   * `needsRehash` is true when the hash is weaker than the current parameters.
   * A malformed hash verifies as false; it never throws for bad input.
   */
  verify(password: string, hash: string): Promise<{ valid: boolean; needsRehash: boolean }>;
}
