import type { DomainError } from '../../shared/domain-error';
import { domainError } from '../../shared/domain-error';
import type { AttemptCounter } from '../ports/attempt-counter';
import type { EmailCodePurpose } from './email-code-purpose';

/** Seconds between two sends to one email (http.md §1.9). */
export const EMAIL_SEND_INTERVAL_S = 60;

/** Per email: 1 per 60 s and 5 per hour (http.md §1.9). */
const EMAIL_LIMITS = [
  { window: '1m', windowS: EMAIL_SEND_INTERVAL_S, max: 1 },
  { window: '1h', windowS: 3600, max: 5 },
] as const;
/** Per client address: 20 per hour. */
const IP_LIMIT = { windowS: 3600, max: 20 };

/** Counter key prefix per purpose; registration keeps the historical `email-send` keys. */
const KEY_PREFIX: Record<EmailCodePurpose, string> = {
  'email-verification': 'email-send',
  'password-reset': 'password-forgot',
};

/**
 * The send limits of code mails (http.md §1.9, §15): per email 1 per 60 s and 5 per hour, per client
 * address 20 per hour, counted separately for each purpose. Each call counts one send before comparing
 * (the counter is atomic, so concurrent sends cannot all pass a limit); the address is counted first, so
 * a request it refuses never uses up the email's own budget.
 */
export class EmailSendLimits {
  constructor(
    private readonly counter: AttemptCounter,
    private readonly purpose: EmailCodePurpose,
  ) {}

  /** Counts one send of a code to `email` (normalised) from `clientIp`; 429 `AUTH_306` with the retry seconds when over a limit. */
  async admit(email: string, clientIp: string): Promise<DomainError | null> {
    const prefix = KEY_PREFIX[this.purpose];
    const ip = await this.counter.hit(`${prefix}:ip:${clientIp}`, IP_LIMIT.windowS);
    if (ip.count > IP_LIMIT.max) return domainError('AUTH_306', undefined, ip.resetInS);
    for (const limit of EMAIL_LIMITS) {
      const state = await this.counter.hit(`${prefix}:${limit.window}:${email}`, limit.windowS);
      if (state.count > limit.max) return domainError('AUTH_306', undefined, state.resetInS);
    }
    return null;
  }
}
