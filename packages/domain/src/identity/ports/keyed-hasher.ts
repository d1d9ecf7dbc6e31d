/** A keyed one-way function (HMAC-SHA256 with a server secret), base64url output. */
export interface KeyedHasher {
  /** The keyed digest of `message`. */
  hash(message: string): string;
  /** Constant-time equality of two digests. */
  equals(a: string, b: string): boolean;
}
