import type { CodeDocument, CodeDocumentStore, CodeOwner, KickBanStore, LiveMode, LiveModeStore, VideoPresenceStore } from '@sooscode/domain';
import type { Redis } from 'ioredis';

/** Live modes as plain keys (no TTL: cleared when the class ends or empties). */
export class RedisLiveModeStore implements LiveModeStore {
  constructor(private readonly redis: Redis, private readonly prefix = 'sooscode:') {}

  async get(classId: number): Promise<LiveMode | null> {
    return (await this.redis.get(`${this.prefix}mode:${classId}`)) as LiveMode | null;
  }

  async set(classId: number, mode: LiveMode): Promise<void> {
    await this.redis.set(`${this.prefix}mode:${classId}`, mode);
  }

  async clear(classId: number): Promise<void> {
    await this.redis.del(`${this.prefix}mode:${classId}`);
  }
}

/** Kick bans as a hash per class: userId → expiry (ms); the hash itself expires with the longest ban. */
export class RedisKickBanStore implements KickBanStore {
  constructor(private readonly redis: Redis, private readonly prefix = 'sooscode:') {}

  async ban(classId: number, userId: number, ttlS: number): Promise<void> {
    const key = `${this.prefix}ban:${classId}`;
    await this.redis.multi().hset(key, String(userId), String(Date.now() + ttlS * 1000)).expire(key, ttlS, 'GT').expire(key, ttlS, 'NX').exec();
  }

  async isBanned(classId: number, userId: number): Promise<boolean> {
    const until = await this.redis.hget(`${this.prefix}ban:${classId}`, String(userId));
    return until !== null && Number(until) > Date.now();
  }

  async clearClass(classId: number): Promise<void> {
    await this.redis.del(`${this.prefix}ban:${classId}`);
  }
}

const SET_ON = `
local prev = redis.call('HGET', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if prev then return 0 end
return 1
`;
const CLEAR_IF_SID = `
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then redis.call('HDEL', KEYS[1], ARGV[1]) return 1 end
return 0
`;

/** Video flags as a hash per class: userId → LiveKit participant sid. */
export class RedisVideoPresenceStore implements VideoPresenceStore {
  constructor(private readonly redis: Redis, private readonly prefix = 'sooscode:') {}

  private key(classId: number): string {
    return `${this.prefix}video:${classId}`;
  }

  async setOn(classId: number, userId: number, sid: string): Promise<boolean> {
    return (await this.redis.eval(SET_ON, 1, this.key(classId), String(userId), sid)) === 1;
  }

  async clearIfSid(classId: number, userId: number, sid: string): Promise<boolean> {
    return (await this.redis.eval(CLEAR_IF_SID, 1, this.key(classId), String(userId), sid)) === 1;
  }

  async usersOn(classId: number): Promise<Set<number>> {
    return new Set((await this.redis.hkeys(this.key(classId))).map(Number));
  }

  async clearClass(classId: number): Promise<number[]> {
    const [[, users]] = (await this.redis.multi().hkeys(this.key(classId)).del(this.key(classId)).exec()) as [[Error | null, string[]]];
    return users.map(Number);
  }
}

/** Latest code documents as JSON keys with a TTL, tracked per class for clearing. */
export class RedisCodeDocumentStore implements CodeDocumentStore {
  constructor(private readonly redis: Redis, private readonly prefix = 'sooscode:') {}

  private key(classId: number, owner: CodeOwner): string {
    return `${this.prefix}code:${classId}:${owner.kind === 'instructor' ? 'i' : `s${owner.userId}`}`;
  }

  async put(classId: number, owner: CodeOwner, doc: CodeDocument, ttlS: number): Promise<void> {
    const key = this.key(classId, owner);
    const index = `${this.prefix}code:${classId}:keys`;
    await this.redis
      .multi()
      .set(key, JSON.stringify({ ...doc, updatedAt: doc.updatedAt.getTime() }), 'EX', ttlS)
      .sadd(index, key)
      .expire(index, ttlS, 'GT')
      .expire(index, ttlS, 'NX')
      .exec();
  }

  async get(classId: number, owner: CodeOwner): Promise<CodeDocument | null> {
    const raw = await this.redis.get(this.key(classId, owner));
    if (!raw) return null;
    const d = JSON.parse(raw) as { userId: number; code: string; language: string; updatedAt: number };
    return { ...d, updatedAt: new Date(d.updatedAt) };
  }

  async clearClass(classId: number): Promise<void> {
    const index = `${this.prefix}code:${classId}:keys`;
    const keys = await this.redis.smembers(index);
    await this.redis.del(index, ...keys);
  }
}
