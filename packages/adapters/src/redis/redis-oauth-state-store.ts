import type { Redis } from 'ioredis';
import type { OAuthStateStore, PendingOAuthLogin } from '@sooscode/domain';

/** GET then DEL in one step (GETDEL needs Redis 6.2; this works on every version). */
const TAKE = `
local v = redis.call('GET', KEYS[1])
if v then redis.call('DEL', KEYS[1]) end
return v
`;

/**
 * Pending sign-ins as JSON strings with a TTL, one key per id (`<prefix>oauth:<id>`). `take` is an
 * atomic Lua get-and-delete, so a pending sign-in is consumed once across every node.
 */
export class RedisOAuthStateStore implements OAuthStateStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'sooscode:',
  ) {}

  private key(id: string): string {
    return `${this.prefix}oauth:${id}`;
  }

  async put(id: string, login: PendingOAuthLogin, ttlS: number): Promise<void> {
    const value = JSON.stringify({ state: login.state, codeVerifier: login.codeVerifier, nonce: login.nonce });
    await this.redis.set(this.key(id), value, 'EX', Math.max(1, Math.ceil(ttlS)));
  }

  async take(id: string): Promise<PendingOAuthLogin | null> {
    const raw = (await this.redis.eval(TAKE, 1, this.key(id))) as string | null;
    if (raw === null) return null;
    const v = JSON.parse(raw) as PendingOAuthLogin;
    return { state: v.state, codeVerifier: v.codeVerifier, nonce: v.nonce };
  }
}
