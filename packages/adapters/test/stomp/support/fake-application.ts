import type {
  AuthenticationResult,
  JsonObject,
  SendResolution,
  StompApplication,
  StompSessionHandle,
  SubscribeDecision,
} from '../../../src/stomp/stomp-application';
import type { HandshakeInfo } from '../../../src/stomp/stomp-socket';
import type { SubscriptionRegistry } from '../../../src/stomp/subscription-registry';

const TOKEN = /^valid-(\d+)$/;

function userOf(token: string | undefined): number | undefined {
  const m = token === undefined ? null : TOKEN.exec(token);
  return m ? Number(m[1]) : undefined;
}

function bearer(value: string | undefined): string | undefined {
  return value?.startsWith('Bearer ') ? value.slice(7) : undefined;
}

/**
 * A small application behind the STOMP engine for tests. Credentials: `valid-<userId>` as a
 * Bearer CONNECT header, a Bearer handshake header or an `accessToken` cookie (in that order);
 * `expired` gives AUTH_401, `explode` throws. Destinations:
 * - SEND `/app/echo` publishes the payload to `/topic/echo`; `/app/deny` → CLASS_002;
 *   `/app/invalid` → GLOBAL_410 with detail; `/app/explode` throws; `/app/slow` waits `slowMs`;
 *   other `/app/...` → GLOBAL_404; no `/app/` prefix → GLOBAL_403.
 * - SUBSCRIBE `/topic/denied` → CLASS_002; `/topic/explode` throws; `/topic/snapshot` activates
 *   with a snapshot after `slowMs`; `/topic/**` and `/user/queue/{errors,system}` are allowed;
 *   anything else → GLOBAL_404.
 */
export class FakeApplication implements StompApplication {
  readonly ended: StompSessionHandle[] = [];
  readonly events: string[] = [];
  readonly handshakes: HandshakeInfo[] = [];
  slowMs = 0;
  registry: SubscriptionRegistry | undefined;

  async authenticate(headers: ReadonlyMap<string, string>, handshake: HandshakeInfo): Promise<AuthenticationResult> {
    this.handshakes.push(handshake);
    const token =
      bearer(headers.get('Authorization') ?? headers.get('authorization')) ?? bearer(handshake.authorization) ?? handshake.cookies['accessToken'];
    if (token === 'explode') throw new Error('boom');
    if (token === 'expired') return { ok: false, code: 'AUTH_401' };
    const userId = userOf(token);
    if (userId === undefined) return { ok: false, code: 'GLOBAL_401' };
    return { ok: true, principal: { userId, name: `user ${userId}`, role: 'STUDENT', familyId: `family-${userId}` } };
  }

  resolveSend(destination: string): SendResolution {
    if (!destination.startsWith('/app/')) return { ok: false, error: { code: 'GLOBAL_403' } };
    switch (destination) {
      case '/app/echo':
        return { ok: true, route: async (_s, payload) => (this.registry?.publish('/topic/echo', payload), { ok: true }) };
      case '/app/deny':
        return { ok: true, route: async () => ({ ok: false, error: { code: 'CLASS_002' } }) };
      case '/app/invalid':
        return { ok: true, route: async () => ({ ok: false, error: { code: 'GLOBAL_410', field: 'mode', reason: 'notAllowed' } }) };
      case '/app/explode':
        return {
          ok: true,
          route: async () => {
            throw new Error('boom');
          },
        };
      case '/app/slow':
        return {
          ok: true,
          route: async (_s, payload: JsonObject) => {
            this.events.push(`slow-start ${JSON.stringify(payload)}`);
            await delay(this.slowMs);
            this.events.push(`slow-end ${JSON.stringify(payload)}`);
            return { ok: true };
          },
        };
      default:
        return { ok: false, error: { code: 'GLOBAL_404' } };
    }
  }

  async subscribe(session: StompSessionHandle, destination: string): Promise<SubscribeDecision> {
    this.events.push(`subscribe ${session.principal.userId} ${destination}`);
    if (destination === '/topic/denied') return { ok: false, error: { code: 'CLASS_002' } };
    if (destination === '/topic/explode') throw new Error('boom');
    if (destination === '/topic/snapshot') {
      return {
        ok: true,
        activate: async () => {
          this.events.push('activate-start');
          await delay(this.slowMs);
          this.events.push('activate-end');
          return { snapshot: true };
        },
      };
    }
    if (destination.startsWith('/topic/') || destination === '/user/queue/errors' || destination === '/user/queue/system') return { ok: true };
    return { ok: false, error: { code: 'GLOBAL_404' } };
  }

  async sessionEnded(session: StompSessionHandle): Promise<void> {
    this.events.push(`ended ${session.id}`);
    this.ended.push(session);
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
