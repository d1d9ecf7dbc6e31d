import type { Redis } from 'ioredis';
import type { EmailCodePurpose, EmailVerification, EmailVerificationStore } from '@sooscode/domain';

const COUNT_ATTEMPT = `
local raw = redis.call('GET', KEYS[1])
if not raw then return -1 end
local v = cjson.decode(raw)
if v.codeDigest ~= ARGV[1] then return -1 end
v.failedAttempts = v.failedAttempts + 1
redis.call('SET', KEYS[1], cjson.encode(v), 'KEEPTTL')
return v.failedAttempts
`;

/** Key segment per purpose; registration codes keep their historical `email:` keys. */
const NAMESPACE: Record<EmailCodePurpose, string> = { 'email-verification': 'email:', 'password-reset': 'password-reset:' };

/**
 * The current code record per address as a JSON string with a TTL; attempts are counted in Lua.
 * One instance per purpose: registration codes under `<prefix>email:<email>`, reset codes under
 * `<prefix>password-reset:<email>`, so neither purpose ever sees the other's code.
 */
export class RedisEmailVerificationStore implements EmailVerificationStore {
  private readonly keyPrefix: string;

  constructor(
    private readonly redis: Redis,
    prefix = 'sooscode:',
    purpose: EmailCodePurpose = 'email-verification',
  ) {
    this.keyPrefix = `${prefix}${NAMESPACE[purpose]}`;
  }

  async put(record: EmailVerification, ttlS: number): Promise<void> {
    const value = JSON.stringify({
      ...record,
      sentAt: record.sentAt.getTime(),
      expiresAt: record.expiresAt.getTime(),
      verifiedAt: record.verifiedAt?.getTime() ?? null,
    });
    await this.redis.set(`${this.keyPrefix}${record.email}`, value, 'EX', Math.max(1, ttlS));
  }

  async get(email: string): Promise<EmailVerification | null> {
    const raw = await this.redis.get(`${this.keyPrefix}${email}`);
    if (!raw) return null;
    const v = JSON.parse(raw) as { email: string; codeDigest: string; sentAt: number; expiresAt: number; failedAttempts: number; verifiedAt: number | null };
    return {
      email: v.email,
      codeDigest: v.codeDigest,
      sentAt: new Date(v.sentAt),
      expiresAt: new Date(v.expiresAt),
      failedAttempts: v.failedAttempts,
      verifiedAt: v.verifiedAt === null ? null : new Date(v.verifiedAt),
    };
  }

  async countAttempt(email: string, codeDigest: string): Promise<number | null> {
    const n = (await this.redis.eval(COUNT_ATTEMPT, 1, `${this.keyPrefix}${email}`, codeDigest)) as number;
    return n < 0 ? null : n;
  }

  async remove(email: string): Promise<void> {
    await this.redis.del(`${this.keyPrefix}${email}`);
  }
}
