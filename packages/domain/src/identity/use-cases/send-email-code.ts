import type { Clock } from '../../shared/clock';
import type { DomainError } from '../../shared/domain-error';
import { domainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { SecureRandom } from '../../shared/secure-random';
import { checkEmail } from '../credential-rules';
import { EmailCodeIssuer } from '../email-codes/email-code-issuer';
import { EmailSendLimits } from '../email-codes/email-send-limits';
import type { IdentityPolicy } from '../identity-policy';
import type { AttemptCounter } from '../ports/attempt-counter';
import type { EmailVerificationStore } from '../ports/email-verification-store';
import type { KeyedHasher } from '../ports/keyed-hasher';
import type { Mailer } from '../ports/mailer';
import type { UserRepository } from '../ports/user-repository';
import { normalizeEmail } from '../user';

/**
 * Sends a 6-digit verification code (http.md §2): taken email AUTH_102, email rules, rate limits
 * AUTH_306, mail failure AUTH_303. The code is drawn from a CSPRNG and stored (as a keyed digest,
 * superseding the previous code) only after the mail server accepted the message.
 */
export class SendEmailCode {
  private readonly limits: EmailSendLimits;
  private readonly issuer: EmailCodeIssuer;

  constructor(
    private readonly users: UserRepository,
    verifications: EmailVerificationStore,
    counter: AttemptCounter,
    mailer: Mailer,
    hasher: KeyedHasher,
    random: SecureRandom,
    clock: Clock,
    private readonly policy: IdentityPolicy,
  ) {
    this.limits = new EmailSendLimits(counter, 'email-verification');
    this.issuer = new EmailCodeIssuer(verifications, mailer, hasher, random, clock, policy, 'email-verification');
  }

  async execute(input: { email?: string; clientIp: string }): Promise<Result<void, DomainError>> {
    const email = normalizeEmail(input.email ?? '');
    if (email !== '' && (await this.users.findByEmail(email))) return err(domainError('AUTH_102'));
    const invalid = checkEmail(input.email) ?? (await this.limits.admit(email, input.clientIp));
    if (invalid) return err(invalid);
    const failed = await this.issuer.issue(
      email,
      (code, minutes) => ({ subject: '[SoosCode] 이메일 인증 코드', text: `SoosCode 이메일 인증 코드: ${code}\n\n이 코드는 ${minutes}분 동안 유효합니다.` }),
      this.policy.emailCodeTtlS + this.policy.emailVerifiedValidS,
    );
    return failed ? err(failed) : ok();
  }
}
