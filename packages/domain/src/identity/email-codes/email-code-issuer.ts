import type { Clock } from '../../shared/clock';
import type { DomainError } from '../../shared/domain-error';
import { domainError } from '../../shared/domain-error';
import type { SecureRandom } from '../../shared/secure-random';
import type { IdentityPolicy } from '../identity-policy';
import type { EmailVerificationStore } from '../ports/email-verification-store';
import type { KeyedHasher } from '../ports/keyed-hasher';
import type { Mailer } from '../ports/mailer';
import { emailCodeMessage, type EmailCodePurpose } from './email-code-purpose';

/** The mail carrying a code: built from the code and its lifetime in whole minutes. */
export type CodeMail = (code: string, minutes: number) => { subject: string; text: string };

/**
 * Mails a fresh 6-digit code (CSPRNG) and, only once the mail server accepted the message, stores its
 * keyed digest as the current code of the address, superseding any older one. A code is valid for
 * EMAIL_CODE_TTL_S with a budget of EMAIL_CODE_MAX_ATTEMPTS wrong entries (`EmailCodeCheck`).
 */
export class EmailCodeIssuer {
  constructor(
    private readonly store: EmailVerificationStore,
    private readonly mailer: Mailer,
    private readonly hasher: KeyedHasher,
    private readonly random: SecureRandom,
    private readonly clock: Clock,
    private readonly policy: IdentityPolicy,
    private readonly purpose: EmailCodePurpose,
  ) {}

  /**
   * Sends the code to `email` (normalised). `keepS` is how long the record is kept in seconds (at least
   * the code's lifetime; longer lets a late attempt answer "expired" rather than "no code").
   * Mail failure is 400 `AUTH_303` and stores nothing.
   */
  async issue(email: string, mail: CodeMail, keepS: number): Promise<DomainError | null> {
    const code = this.random.digits(6);
    try {
      await this.mailer.send({ to: email, ...mail(code, Math.round(this.policy.emailCodeTtlS / 60)) });
    } catch {
      return domainError('AUTH_303');
    }
    const now = this.clock.now();
    await this.store.put(
      {
        email,
        codeDigest: this.hasher.hash(emailCodeMessage(email, code, this.purpose)),
        sentAt: now,
        expiresAt: new Date(now.getTime() + this.policy.emailCodeTtlS * 1000),
        failedAttempts: 0,
        verifiedAt: null,
      },
      keepS,
    );
    return null;
  }
}
