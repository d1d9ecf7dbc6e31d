import type { Clock } from '../../shared/clock';
import type { DomainError } from '../../shared/domain-error';
import { domainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import { checkEmail } from '../credential-rules';
import type { IdentityPolicy } from '../identity-policy';
import type { EmailVerification, EmailVerificationStore } from '../ports/email-verification-store';
import type { KeyedHasher } from '../ports/keyed-hasher';
import { normalizeEmail } from '../user';
import { EMAIL_SEND_INTERVAL_S, emailCodeMessage } from './send-email-code';

/**
 * Verifies an email code (http.md §2): email rules; no current code (never sent, superseded,
 * already verified or voided) AUTH_301; attempts used up AUTH_305 (the code is then void);
 * expired AUTH_302; wrong code (constant-time; anything but 6 ASCII digits is wrong) AUTH_301 and counted.
 * Each attempt is counted atomically before the comparison, so parallel guesses share the one budget.
 */
export class VerifyEmailCode {
  constructor(
    private readonly verifications: EmailVerificationStore,
    private readonly hasher: KeyedHasher,
    private readonly clock: Clock,
    private readonly policy: IdentityPolicy,
  ) {}

  async execute(input: { email?: string; code?: string }): Promise<Result<void, DomainError>> {
    const invalid = checkEmail(input.email);
    if (invalid) return err(invalid);
    const email = normalizeEmail(input.email!);
    const current = await this.verifications.get(email);
    if (!current || current.verifiedAt) return err(domainError('AUTH_301'));
    const now = this.clock.now();
    if (current.failedAttempts >= this.policy.emailCodeMaxAttempts) return this.exhausted(current, now);
    if (now.getTime() >= current.expiresAt.getTime()) return err(domainError('AUTH_302'));
    // Reserve the attempt before comparing, atomically, so concurrent guesses cannot exceed the budget.
    const attempts = await this.verifications.countAttempt(email, current.codeDigest);
    if (attempts === null) return err(domainError('AUTH_301'));
    if (attempts > this.policy.emailCodeMaxAttempts) return this.exhausted(current, now);
    const code = input.code ?? '';
    const candidate = this.hasher.hash(emailCodeMessage(email, /^[0-9]{6}$/.test(code) ? code : 'invalid'));
    if (!this.hasher.equals(candidate, current.codeDigest)) return err(domainError('AUTH_301'));
    await this.verifications.put({ ...current, failedAttempts: attempts - 1, verifiedAt: now }, this.policy.emailVerifiedValidS);
    return ok();
  }

  /**
   * Voids the code and answers 429 AUTH_305. Like every 429 it carries a retry time: the seconds until a
   * new code may be sent to this address (the per-email send interval counts from the last send).
   */
  private async exhausted(current: EmailVerification, now: Date): Promise<Result<void, DomainError>> {
    await this.verifications.remove(current.email);
    const untilNextSendMs = current.sentAt.getTime() + EMAIL_SEND_INTERVAL_S * 1000 - now.getTime();
    return err(domainError('AUTH_305', undefined, Math.max(1, Math.ceil(untilNextSendMs / 1000))));
  }
}
