import type { Participant, PresenceRegistry } from '@sooscode/domain';
import type { Redis } from 'ioredis';

/** Session entry: which user, on which node. */
interface SessionEntry {
  u: number;
  n: string;
}

const JOIN = `
local entry = cjson.decode(ARGV[2])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('SADD', KEYS[3], ARGV[4])
if redis.call('HEXISTS', KEYS[2], tostring(entry.u)) == 1 then return 0 end
redis.call('HSET', KEYS[2], tostring(entry.u), ARGV[3])
return 1
`;

const LEAVE = `
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return {-1, 0, redis.call('HLEN', KEYS[2]) == 0 and 1 or 0} end
redis.call('HDEL', KEYS[1], ARGV[1])
local user = cjson.decode(raw).u
local still = 0
for _, v in ipairs(redis.call('HVALS', KEYS[1])) do
  if cjson.decode(v).u == user then still = 1 break end
end
local left = 0
if still == 0 then redis.call('HDEL', KEYS[2], tostring(user)); left = 1 end
local empty = redis.call('HLEN', KEYS[2]) == 0 and 1 or 0
if empty == 1 then redis.call('DEL', KEYS[1], KEYS[2]); redis.call('SREM', KEYS[3], ARGV[2]) end
return {user, left, empty}
`;

/**
 * Presence shared by every node. Each session entry records its node; a node proves it is alive by
 * refreshing `node:<id>` every `heartbeatMs` with a TTL of 3× that. Entries of a node whose key expired
 * are removed by `sweep()` (run periodically by every live node) and ignored by reads, so a dead node's
 * presence disappears within about 3× the heartbeat (30 s by default).
 */
export class RedisPresenceRegistry implements PresenceRegistry {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly nodeId: string,
    private readonly prefix = 'sooscode:',
    private readonly heartbeatMs = 10_000,
  ) {}

  private sessionsKey(c: number): string {
    return `${this.prefix}pres:${c}:s`;
  }

  private usersKey(c: number): string {
    return `${this.prefix}pres:${c}:u`;
  }

  private get classesKey(): string {
    return `${this.prefix}pres:classes`;
  }

  private nodeKey(n: string): string {
    return `${this.prefix}node:${n}`;
  }

  /** Starts the liveness heartbeat and the periodic sweep. `onSwept` gets the classes whose presence changed. */
  async start(onSwept: (classIds: number[]) => void = () => undefined): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => {
      void this.beat()
        .then(() => this.sweep())
        .then((changed) => changed.length && onSwept(changed))
        .catch(() => undefined);
    }, this.heartbeatMs);
    this.timer.unref();
  }

  /** Stops the heartbeat; this node's entries then expire like a dead node's unless removed first. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async beat(): Promise<void> {
    await this.redis.set(this.nodeKey(this.nodeId), '1', 'PX', this.heartbeatMs * 3);
  }

  async join(classId: number, sessionId: string, member: Omit<Participant, 'joinedAt'>, now: Date): Promise<boolean> {
    const entry: SessionEntry = { u: member.userId, n: this.nodeId };
    const participant = JSON.stringify({ username: member.username, instructor: member.instructor, joinedAt: now.getTime() });
    const added = await this.redis.eval(JOIN, 3, this.sessionsKey(classId), this.usersKey(classId), this.classesKey, sessionId, JSON.stringify(entry), participant, String(classId));
    return added === 1;
  }

  async leave(classId: number, sessionId: string): Promise<{ userId: number | null; userLeft: boolean; classEmpty: boolean }> {
    const [user, left, empty] = (await this.redis.eval(LEAVE, 3, this.sessionsKey(classId), this.usersKey(classId), this.classesKey, sessionId, String(classId))) as [number, number, number];
    return { userId: user < 0 ? null : user, userLeft: left === 1, classEmpty: empty === 1 };
  }

  async participants(classId: number): Promise<Participant[]> {
    const [sessions, users] = await Promise.all([this.redis.hgetall(this.sessionsKey(classId)), this.redis.hgetall(this.usersKey(classId))]);
    const alive = await this.liveNodes(Object.values(sessions).map((v) => (JSON.parse(v) as SessionEntry).n));
    const present = new Set(
      Object.values(sessions)
        .map((v) => JSON.parse(v) as SessionEntry)
        .filter((e) => alive.has(e.n))
        .map((e) => e.u),
    );
    return Object.entries(users)
      .filter(([u]) => present.has(Number(u)))
      .map(([u, v]) => {
        const p = JSON.parse(v) as { username: string; instructor: boolean; joinedAt: number };
        return { userId: Number(u), username: p.username, instructor: p.instructor, joinedAt: new Date(p.joinedAt) };
      })
      .sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || a.userId - b.userId);
  }

  async sessionsOf(classId: number, userId: number): Promise<string[]> {
    const sessions = await this.redis.hgetall(this.sessionsKey(classId));
    return Object.entries(sessions)
      .filter(([, v]) => (JSON.parse(v) as SessionEntry).u === userId)
      .map(([s]) => s);
  }

  async clearClass(classId: number): Promise<void> {
    await this.redis.multi().del(this.sessionsKey(classId), this.usersKey(classId)).srem(this.classesKey, String(classId)).exec();
  }

  /** Removes entries of dead nodes; returns the classes whose participants changed. */
  async sweep(): Promise<number[]> {
    const changed: number[] = [];
    for (const c of (await this.redis.smembers(this.classesKey)).map(Number)) {
      const sessions = await this.redis.hgetall(this.sessionsKey(c));
      const entries = Object.entries(sessions).map(([s, v]) => [s, JSON.parse(v) as SessionEntry] as const);
      const alive = await this.liveNodes(entries.map(([, e]) => e.n));
      let userLeft = false;
      for (const [sessionId, e] of entries) {
        if (alive.has(e.n)) continue;
        const r = await this.leave(c, sessionId);
        userLeft ||= r.userLeft;
      }
      if (userLeft) changed.push(c);
      if (entries.length === 0) await this.redis.srem(this.classesKey, String(c));
    }
    return changed;
  }

  private async liveNodes(nodes: string[]): Promise<Set<string>> {
    const unique = [...new Set(nodes)];
    if (unique.length === 0) return new Set();
    const values = await this.redis.mget(...unique.map((n) => this.nodeKey(n)));
    return new Set(unique.filter((n, i) => n === this.nodeId || values[i] !== null));
  }
}
