import type { Clock } from '../../shared/clock';
import type { DomainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import { checkEmail } from '../credential-rules';
import { EmailCodeCheck } from '../email-codes/email-code-check';
import type { IdentityPolicy } from '../identity-policy';
import type { EmailVerificationStore } from '../ports/email-verification-store';
import type { KeyedHasher } from '../ports/keyed-hasher';
import { normalizeEmail } from '../user';

/**
 * Verifies an email code (http.md §2): email rules, then the checks of `EmailCodeCheck` (no current code
 * AUTH_301, attempts used up AUTH_305, expired AUTH_302, wrong AUTH_301). A matching code is marked
 * verified; registration needs that within EMAIL_VERIFIED_VALID_S.
 */
export class VerifyEmailCode {
  private readonly codes: EmailCodeCheck;

  constructor(
    private readonly verifications: EmailVerificationStore,
    hasher: KeyedHasher,
    private readonly clock: Clock,
    private readonly policy: IdentityPolicy,
  ) {
    this.codes = new EmailCodeCheck(verifications, hasher, clock, policy, 'email-verification');
  }

  async execute(input: { email?: string; code?: string }): Promise<Result<void, DomainError>> {
    const invalid = checkEmail(input.email);
    if (invalid) return err(invalid);
    const checked = await this.codes.check(normalizeEmail(input.email!), input.code);
    if (!checked.ok) return checked;
    const { record, attempts } = checked.value;
    await this.verifications.put({ ...record, failedAttempts: attempts - 1, verifiedAt: this.clock.now() }, this.policy.emailVerifiedValidS);
    return ok();
  }
}
