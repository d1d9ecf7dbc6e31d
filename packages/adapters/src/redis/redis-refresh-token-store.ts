import type { Redis } from 'ioredis';
import type { RefreshTokenStore, SessionFamily } from '@sooscode/domain';

const ROTATE = `
local f = KEYS[1]
if redis.call('EXISTS', f) == 0 then return 0 end
local h = redis.call('HMGET', f, 'seq', 'revoked', 'absoluteExpiresAt')
if h[2] == '1' or tonumber(h[1]) ~= tonumber(ARGV[1]) or tonumber(ARGV[2]) >= tonumber(h[3]) then return 0 end
redis.call('HSET', f, 'seq', tonumber(ARGV[1]) + 1, 'currentIssuedAt', ARGV[2], 'previousSupersededAt', ARGV[2])
redis.call('SET', KEYS[2], ARGV[3], 'PXAT', tonumber(h[3]) + tonumber(ARGV[4]) * 1000)
return 1
`;

const REVOKE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'revoked', '1')
return 1
`;

/**
 * Session families in Redis: a hash per family, a set of family ids per user, and one key per
 * refresh-token digest. The hash and the digest keys expire together, `tokenTtlS` after the family's
 * absolute expiry (the port's retention rule).
 * Rotation and revocation are atomic Lua scripts, so concurrent refreshes cannot both win.
 */
export class RedisRefreshTokenStore implements RefreshTokenStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'sooscode:',
  ) {}

  private fam(id: string): string {
    return `${this.prefix}fam:${id}`;
  }

  private userFams(userId: number): string {
    return `${this.prefix}ufam:${userId}`;
  }

  private rt(digest: string): string {
    return `${this.prefix}rt:${digest}`;
  }

  async create(family: SessionFamily, digest: string, tokenTtlS: number): Promise<void> {
    const expireAt = family.absoluteExpiresAt.getTime() + tokenTtlS * 1000;
    await this.redis
      .multi()
      .hset(this.fam(family.id), {
        userId: family.userId,
        seq: family.seq,
        createdAt: family.createdAt.getTime(),
        absoluteExpiresAt: family.absoluteExpiresAt.getTime(),
        currentIssuedAt: family.currentIssuedAt.getTime(),
        previousSupersededAt: family.previousSupersededAt?.getTime() ?? '',
        revoked: family.revoked ? '1' : '0',
      })
      .pexpireat(this.fam(family.id), expireAt)
      .sadd(this.userFams(family.userId), family.id)
      // GT lengthens the set's lifetime; NX gives a fresh set (which has no TTL yet) its first one.
      .expire(this.userFams(family.userId), Math.ceil((expireAt - Date.now()) / 1000) + 60, 'GT')
      .expire(this.userFams(family.userId), Math.ceil((expireAt - Date.now()) / 1000) + 60, 'NX')
      .set(this.rt(digest), `${family.id} ${family.seq}`, 'PXAT', expireAt)
      .exec();
  }

  async findByDigest(digest: string): Promise<{ family: SessionFamily; seq: number } | null> {
    const entry = await this.redis.get(this.rt(digest));
    if (!entry) return null;
    const [familyId, seq] = entry.split(' ');
    const family = await this.get(familyId!);
    return family ? { family, seq: Number(seq) } : null;
  }

  async get(familyId: string): Promise<SessionFamily | null> {
    const h = await this.redis.hgetall(this.fam(familyId));
    if (!h.userId) return null;
    return {
      id: familyId,
      userId: Number(h.userId),
      seq: Number(h.seq),
      createdAt: new Date(Number(h.createdAt)),
      absoluteExpiresAt: new Date(Number(h.absoluteExpiresAt)),
      currentIssuedAt: new Date(Number(h.currentIssuedAt)),
      previousSupersededAt: h.previousSupersededAt ? new Date(Number(h.previousSupersededAt)) : null,
      revoked: h.revoked === '1',
    };
  }

  async rotate(familyId: string, fromSeq: number, nextDigest: string, now: Date, tokenTtlS: number): Promise<SessionFamily | null> {
    const done = await this.redis.eval(ROTATE, 2, this.fam(familyId), this.rt(nextDigest), fromSeq, now.getTime(), `${familyId} ${fromSeq + 1}`, tokenTtlS);
    return done === 1 ? this.get(familyId) : null;
  }

  async revoke(familyId: string): Promise<boolean> {
    return (await this.redis.eval(REVOKE, 1, this.fam(familyId))) === 1;
  }

  async revokeAllForUser(userId: number, exceptFamilyId?: string): Promise<string[]> {
    const ids = await this.redis.smembers(this.userFams(userId));
    const revoked: string[] = [];
    for (const id of ids) {
      if (id === exceptFamilyId) continue;
      const family = await this.get(id);
      if (!family) {
        await this.redis.srem(this.userFams(userId), id);
        continue;
      }
      if (family.revoked || family.absoluteExpiresAt.getTime() <= Date.now()) continue;
      if (await this.revoke(id)) revoked.push(id);
    }
    return revoked;
  }
}
