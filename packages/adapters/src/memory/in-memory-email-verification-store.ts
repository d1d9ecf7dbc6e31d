import type { Clock } from '@sooscode/domain';
import type { EmailVerification, EmailVerificationStore } from '@sooscode/domain';
import { ExpiringMap } from './expiring-map';

/** Current email-verification records in process memory. */
export class InMemoryEmailVerificationStore implements EmailVerificationStore {
  private readonly records: ExpiringMap<EmailVerification>;

  constructor(clock: Clock) {
    this.records = new ExpiringMap(clock);
  }

  async put(record: EmailVerification, ttlS: number): Promise<void> {
    this.records.set(record.email, record, ttlS * 1000);
  }

  async get(email: string): Promise<EmailVerification | null> {
    return this.records.get(email) ?? null;
  }

  async countAttempt(email: string, codeDigest: string): Promise<number | null> {
    const current = this.records.get(email);
    if (!current || current.codeDigest !== codeDigest) return null;
    const failedAttempts = current.failedAttempts + 1;
    this.records.set(email, { ...current, failedAttempts }, Math.max(1, this.records.remainingMs(email)));
    return failedAttempts;
  }

  async remove(email: string): Promise<void> {
    this.records.delete(email);
  }
}
