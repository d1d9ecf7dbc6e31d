import type { AccessClaims, AccessTokenIssuer, AccessTokenRejection, AccessTokenVerifier } from '../identity/ports/access-tokens';
import type { KeyedHasher } from '../identity/ports/keyed-hasher';
import type { Mailer } from '../identity/ports/mailer';
import type { PasswordHasher } from '../identity/ports/password-hasher';
import type { SessionTerminator } from '../identity/ports/session-terminator';
import type { Role } from '../identity/user';
import type { Result } from '../shared/result';
import { err, ok } from '../shared/result';
import type { SecureRandom } from '../shared/secure-random';

/** Reversible "hash" for tests: `plain:<password>`; `legacy:` hashes verify but need a rehash. */
export class FakePasswordHasher implements PasswordHasher {
  async hash(password: string): Promise<string> {
    return `plain:${password}`;
  }

  async verify(password: string, hash: string): Promise<{ valid: boolean; needsRehash: boolean }> {
    if (hash === `legacy:${password}`) return { valid: true, needsRehash: true };
    return { valid: hash === `plain:${password}`, needsRehash: false };
  }
}

/** Non-cryptographic keyed hash for tests (never use outside tests). */
export class FakeKeyedHasher implements KeyedHasher {
  hash(message: string): string {
    let h = 2166136261;
    for (let i = 0; i < message.length; i++) h = Math.imul(h ^ message.charCodeAt(i), 16777619) >>> 0;
    return `h${h.toString(36)}${message.length.toString(36)}x`.padEnd(24, 'x');
  }

  equals(a: string, b: string): boolean {
    return a === b;
  }
}

/** Deterministic random source: counters instead of randomness. */
export class SequenceRandom implements SecureRandom {
  private n = 0;

  /** The next `digits(6)` results, consumed first (lets tests know the email code). */
  readonly queuedDigits: string[] = [];

  token(bytes: number): string {
    return `tok${++this.n}`.padEnd(Math.ceil((bytes * 4) / 3), 'a');
  }

  digits(length: number): string {
    return this.queuedDigits.shift() ?? String(++this.n).padStart(length, '0').slice(-length);
  }

  fromAlphabet(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[(this.n + i) % alphabet.length];
    this.n++;
    return out;
  }

  uuid(): string {
    const hex = (++this.n).toString(16).padStart(12, '0');
    return `00000000-0000-4000-8000-${hex}`;
  }
}

/** Access tokens as readable strings `at|userId|email|role|familyId|jti|iat|exp` (tests only). */
export class FakeAccessTokens implements AccessTokenIssuer, AccessTokenVerifier {
  private n = 0;

  constructor(readonly ttlS = 1800) {}

  async issue(subject: { userId: number; email: string; role: Role; familyId: string }, now: Date): Promise<{ token: string; claims: AccessClaims }> {
    const claims: AccessClaims = {
      ...subject,
      jti: `jti-${++this.n}`,
      issuedAt: now,
      expiresAt: new Date(now.getTime() + this.ttlS * 1000),
    };
    const token = ['at', subject.userId, subject.email, subject.role, subject.familyId, claims.jti, now.getTime(), claims.expiresAt.getTime()].join('|');
    return { token, claims };
  }

  async verify(token: string, now: Date): Promise<Result<AccessClaims, AccessTokenRejection>> {
    const parts = token.split('|');
    if (parts.length !== 8 || parts[0] !== 'at') return err('invalid');
    const [, userId, email, role, familyId, jti, iat, exp] = parts as [string, string, string, string, string, string, string, string];
    if (Number(exp) <= now.getTime()) return err('expired');
    return ok({ userId: Number(userId), email, role: role as Role, familyId, jti, issuedAt: new Date(Number(iat)), expiresAt: new Date(Number(exp)) });
  }
}

/** Records sent mail; `failNext` makes the next send reject. */
export class RecordingMailer implements Mailer {
  readonly sent: { to: string; subject: string; text: string }[] = [];
  failNext = false;

  async send(message: { to: string; subject: string; text: string }): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('mail rejected');
    }
    this.sent.push(message);
  }
}

/** Records which families and users had their live sessions closed. */
export class RecordingSessionTerminator implements SessionTerminator {
  readonly closedFamilies: string[] = [];
  readonly closedUsers: number[] = [];

  async closeFamilies(familyIds: readonly string[]): Promise<void> {
    this.closedFamilies.push(...familyIds);
  }

  async closeUser(userId: number): Promise<void> {
    this.closedUsers.push(userId);
  }
}
