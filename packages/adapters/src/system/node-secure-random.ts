import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { SecureRandom } from '@sooscode/domain';

/** `SecureRandom` backed by `node:crypto`. */
export class NodeSecureRandom implements SecureRandom {
  token(bytes: number): string {
    return randomBytes(bytes).toString('base64url');
  }

  digits(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += String(randomInt(10));
    return out;
  }

  fromAlphabet(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
    return out;
  }

  uuid(): string {
    return randomUUID();
  }
}
