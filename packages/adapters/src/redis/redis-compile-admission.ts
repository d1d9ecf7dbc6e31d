import type { Redis } from 'ioredis';
import type { AdmissionRefusal, CompileAdmission } from '@sooscode/domain';

const ADMIT = `
local ttl = redis.call('PTTL', KEYS[1])
if ttl > 0 or ttl == -1 then return {'cooldown', ttl} end
if redis.call('EXISTS', KEYS[2]) == 1 then return {'in-flight', 0} end
if tonumber(ARGV[2]) > 0 then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[3])
return {'admitted', 0}
`;

const DELETE_IF_OWNER = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/**
 * Per-user cooldowns and in-flight slots shared by every node: two keys per user
 * (`compile:cooldown:{userId}`, `compile:inflight:{userId}`) whose value is the job id that set
 * them, so only that job can clear them. Admission checks both and sets both in one Lua script:
 * of concurrent requests, on any node, exactly one is admitted.
 */
export class RedisCompileAdmission implements CompileAdmission {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'sooscode:',
  ) {}

  async admit(userId: number, jobId: string, cooldownMs: number, slotTtlMs: number): Promise<AdmissionRefusal | null> {
    const [verdict, ttl] = (await this.redis.eval(
      ADMIT,
      2,
      this.cooldownKey(userId),
      this.slotKey(userId),
      jobId,
      Math.max(0, Math.ceil(cooldownMs)),
      Math.max(1, Math.ceil(slotTtlMs)),
    )) as [string, number];
    if (verdict === 'cooldown') return { reason: 'cooldown', retryAfterMs: ttl > 0 ? ttl : 1000 };
    if (verdict === 'in-flight') return { reason: 'in-flight' };
    return null;
  }

  async release(userId: number, jobId: string): Promise<void> {
    await this.redis.eval(DELETE_IF_OWNER, 1, this.slotKey(userId), jobId);
  }

  async cancelCooldown(userId: number, jobId: string): Promise<void> {
    await this.redis.eval(DELETE_IF_OWNER, 1, this.cooldownKey(userId), jobId);
  }

  private cooldownKey(userId: number): string {
    return `${this.prefix}compile:cooldown:${userId}`;
  }

  private slotKey(userId: number): string {
    return `${this.prefix}compile:inflight:${userId}`;
  }
}
