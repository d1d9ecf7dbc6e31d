import { createHmac, timingSafeEqual } from 'node:crypto';
import type { KeyedHasher } from '@sooscode/domain';

/** HMAC-SHA256 with a server secret, base64url without padding; constant-time comparison. */
export class HmacKeyedHasher implements KeyedHasher {
  constructor(private readonly key: Uint8Array | string) {}

  hash(message: string): string {
    return createHmac('sha256', this.key).update(message, 'utf8').digest('base64url');
  }

  equals(a: string, b: string): boolean {
    const x = Buffer.from(a, 'utf8');
    const y = Buffer.from(b, 'utf8');
    return x.length === y.length && timingSafeEqual(x, y);
  }
}
