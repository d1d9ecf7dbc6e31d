import type { Clock } from '../../shared/clock';
import type { DomainError } from '../../shared/domain-error';
import { domainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { SecureRandom } from '../../shared/secure-random';
import { checkEmail } from '../credential-rules';
import type { IdentityPolicy } from '../identity-policy';
import type { AttemptCounter } from '../ports/attempt-counter';
import type { EmailVerificationStore } from '../ports/email-verification-store';
import type { KeyedHasher } from '../ports/keyed-hasher';
import type { Mailer } from '../ports/mailer';
import type { UserRepository } from '../ports/user-repository';
import { normalizeEmail } from '../user';

/** Seconds between two sends to one email (http.md §1.9). */
export const EMAIL_SEND_INTERVAL_S = 60;

/** Send limits of http.md §1.9: per email 1 per 60 s and 5 per hour; per client address 20 per hour. */
const LIMITS = [
  { key: (email: string) => `email-send:1m:${email}`, windowS: EMAIL_SEND_INTERVAL_S, max: 1 },
  { key: (email: string) => `email-send:1h:${email}`, windowS: 3600, max: 5 },
] as const;
const IP_LIMIT = { windowS: 3600, max: 20 };

/** Digest input of a code; binds the code to its address. */
export function emailCodeMessage(email: string, code: string): string {
  return `email-code:${email}:${code}`;
}

/**
 * Sends a 6-digit verification code (http.md §2): taken email AUTH_102, email rules, rate limits
 * AUTH_306, mail failure AUTH_303. The code is drawn from a CSPRNG and stored (as a keyed digest,
 * superseding the previous code) only after the mail server accepted the message.
 */
export class SendEmailCode {
  constructor(
    private readonly users: UserRepository,
    private readonly verifications: EmailVerificationStore,
    private readonly counter: AttemptCounter,
    private readonly mailer: Mailer,
    private readonly hasher: KeyedHasher,
    private readonly random: SecureRandom,
    private readonly clock: Clock,
    private readonly policy: IdentityPolicy,
  ) {}

  async execute(input: { email?: string; clientIp: string }): Promise<Result<void, DomainError>> {
    const email = normalizeEmail(input.email ?? '');
    if (email !== '' && (await this.users.findByEmail(email))) return err(domainError('AUTH_102'));
    const invalid = checkEmail(input.email);
    if (invalid) return err(invalid);
    // Count first, then compare: the counter is atomic, so concurrent sends cannot all pass a limit.
    // The address is counted first, so a request it refuses never uses up the email's own budget.
    const ip = await this.counter.hit(`email-send:ip:${input.clientIp}`, IP_LIMIT.windowS);
    if (ip.count > IP_LIMIT.max) return err(domainError('AUTH_306', undefined, ip.resetInS));
    for (const limit of LIMITS) {
      const state = await this.counter.hit(limit.key(email), limit.windowS);
      if (state.count > limit.max) return err(domainError('AUTH_306', undefined, state.resetInS));
    }

    const code = this.random.digits(6);
    const minutes = Math.round(this.policy.emailCodeTtlS / 60);
    try {
      await this.mailer.send({
        to: email,
        subject: '[SoosCode] 이메일 인증 코드',
        text: `SoosCode 이메일 인증 코드: ${code}\n\n이 코드는 ${minutes}분 동안 유효합니다.`,
      });
    } catch {
      return err(domainError('AUTH_303'));
    }
    const now = this.clock.now();
    await this.verifications.put(
      {
        email,
        codeDigest: this.hasher.hash(emailCodeMessage(email, code)),
        sentAt: now,
        expiresAt: new Date(now.getTime() + this.policy.emailCodeTtlS * 1000),
        failedAttempts: 0,
        verifiedAt: null,
      },
      this.policy.emailCodeTtlS + this.policy.emailVerifiedValidS,
    );
    return ok();
  }
}
