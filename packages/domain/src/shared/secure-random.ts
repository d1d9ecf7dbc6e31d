/** A cryptographically secure random source (the domain cannot import `node:crypto`). */
export interface SecureRandom {
  /** `bytes` random bytes, base64url-encoded without padding. */
  token(bytes: number): string;
  /** A string of `length` random decimal digits. */
  digits(length: number): string;
  /** `length` characters drawn uniformly from `alphabet`. */
  fromAlphabet(alphabet: string, length: number): string;
  /** A random UUID v4 in canonical lower-case form. */
  uuid(): string;
}
