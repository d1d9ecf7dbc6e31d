import type { Clock } from '../../shared/clock';
import type { DomainError } from '../../shared/domain-error';
import { domainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { IdentityPolicy } from '../identity-policy';
import type { EmailVerification, EmailVerificationStore } from '../ports/email-verification-store';
import type { KeyedHasher } from '../ports/keyed-hasher';
import { emailCodeMessage, type EmailCodePurpose } from './email-code-purpose';
import { EMAIL_SEND_INTERVAL_S } from './email-send-limits';

/** A code that matched: its record and the attempts counted so far, this one included. */
export interface CheckedCode {
  readonly record: EmailVerification;
  readonly attempts: number;
}

/**
 * Checks an entered code against the current code of an address (http.md §2 verify, §15 reset), in
 * contract order: no current code (never sent, superseded, already used or voided) 400 `AUTH_301`;
 * attempt budget used up 429 `AUTH_305` (the code is then void; Retry-After until a new code may be
 * sent); expired 410 `AUTH_302`; wrong code 400 `AUTH_301`, the attempt counted. Codes are compared in
 * constant time and anything but six ASCII digits is wrong. Each attempt is reserved atomically before
 * the comparison, so parallel guesses share one budget.
 */
export class EmailCodeCheck {
  constructor(
    private readonly store: EmailVerificationStore,
    private readonly hasher: KeyedHasher,
    private readonly clock: Clock,
    private readonly policy: IdentityPolicy,
    private readonly purpose: EmailCodePurpose,
  ) {}

  /** Checks `code` for `email` (normalised). The record is left in the store; the caller consumes it. */
  async check(email: string, code: string | undefined): Promise<Result<CheckedCode, DomainError>> {
    const current = await this.store.get(email);
    if (!current || current.verifiedAt) return err(domainError('AUTH_301'));
    const now = this.clock.now();
    if (current.failedAttempts >= this.policy.emailCodeMaxAttempts) return this.exhausted(current, now);
    if (now.getTime() >= current.expiresAt.getTime()) return err(domainError('AUTH_302'));
    const attempts = await this.store.countAttempt(email, current.codeDigest);
    if (attempts === null) return err(domainError('AUTH_301'));
    if (attempts > this.policy.emailCodeMaxAttempts) return this.exhausted(current, now);
    const entered = code ?? '';
    const candidate = this.hasher.hash(emailCodeMessage(email, /^[0-9]{6}$/.test(entered) ? entered : 'invalid', this.purpose));
    if (!this.hasher.equals(candidate, current.codeDigest)) return err(domainError('AUTH_301'));
    return ok({ record: current, attempts });
  }

  /** Voids the code and answers 429 `AUTH_305` with the seconds until a new code may be sent. */
  private async exhausted(current: EmailVerification, now: Date): Promise<Result<never, DomainError>> {
    await this.store.remove(current.email);
    const untilNextSendMs = current.sentAt.getTime() + EMAIL_SEND_INTERVAL_S * 1000 - now.getTime();
    return err(domainError('AUTH_305', undefined, Math.max(1, Math.ceil(untilNextSendMs / 1000))));
  }
}
