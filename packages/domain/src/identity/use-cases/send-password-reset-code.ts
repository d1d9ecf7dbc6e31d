import type { Clock } from '../../shared/clock';
import type { DomainError } from '../../shared/domain-error';
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
 * `POST /api/auth/password/forgot` (http.md §15): email rules; send limits as for `email/send` (counted
 * for every request, whether or not the account exists) 429 `AUTH_306`; then, only when an ACTIVE LOCAL
 * account has the email, a 6-digit reset code is mailed and its digest stored in the reset-code store
 * (same lifetime and attempt budget as the email codes). A mail failure is 400 `AUTH_303`, which only an
 * existing account can produce; every other outcome is the same success, so the answer never tells
 * whether an account exists.
 */
export class SendPasswordResetCode {
  private readonly limits: EmailSendLimits;
  private readonly issuer: EmailCodeIssuer;

  constructor(
    private readonly users: UserRepository,
    resetCodes: EmailVerificationStore,
    counter: AttemptCounter,
    mailer: Mailer,
    hasher: KeyedHasher,
    random: SecureRandom,
    clock: Clock,
    private readonly policy: IdentityPolicy,
  ) {
    this.limits = new EmailSendLimits(counter, 'password-reset');
    this.issuer = new EmailCodeIssuer(resetCodes, mailer, hasher, random, clock, policy, 'password-reset');
  }

  async execute(input: { email?: string; clientIp: string }): Promise<Result<void, DomainError>> {
    const invalid = checkEmail(input.email);
    if (invalid) return err(invalid);
    const email = normalizeEmail(input.email!);
    const limited = await this.limits.admit(email, input.clientIp);
    if (limited) return err(limited);
    const user = await this.users.findByEmail(email);
    if (!user || user.status !== 'ACTIVE' || user.provider !== 'LOCAL') return ok();
    const failed = await this.issuer.issue(
      email,
      (code, minutes) => ({
        subject: '[SoosCode] 비밀번호 재설정 코드',
        text: `SoosCode 비밀번호 재설정 코드: ${code}\n\n이 코드는 ${minutes}분 동안 유효합니다. 요청하지 않았다면 이 메일을 무시하세요.`,
      }),
      // Kept one more lifetime after it expires, so a late attempt answers 410 AUTH_302 rather than AUTH_301.
      this.policy.emailCodeTtlS * 2,
    );
    return failed ? err(failed) : ok();
  }
}
