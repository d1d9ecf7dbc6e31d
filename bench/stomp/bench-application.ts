import type {
  AuthenticationResult,
  SendResolution,
  StompApplication,
  SubscribeDecision,
} from '../../packages/adapters/src/stomp/stomp-application';
import type { SubscriptionRegistry } from '../../packages/adapters/src/stomp/subscription-registry';

/**
 * The application used by the benchmark: every CONNECT is accepted (`Authorization: Bearer
 * bench-<n>` becomes user n, so the per-user session limit never bites), every SUBSCRIBE is
 * allowed, and `SEND /app/bench` publishes its payload to `/topic/class/1/chat`, the way a chat
 * send is broadcast (parsed, then re-serialized once for the fan-out).
 */
export class BenchApplication implements StompApplication {
  constructor(private readonly registry: SubscriptionRegistry) {}

  async authenticate(headers: ReadonlyMap<string, string>): Promise<AuthenticationResult> {
    const userId = Number(/^Bearer bench-(\d+)$/.exec(headers.get('Authorization') ?? '')?.[1] ?? 0);
    return { ok: true, principal: { userId, name: `bench ${userId}`, role: 'STUDENT', familyId: `f${userId}` } };
  }

  resolveSend(destination: string): SendResolution {
    if (destination !== '/app/bench') return { ok: false, error: { code: 'GLOBAL_404' } };
    return {
      ok: true,
      route: async (_session, payload) => {
        this.registry.publish('/topic/class/1/chat', payload);
        return { ok: true };
      },
    };
  }

  async subscribe(): Promise<SubscribeDecision> {
    return { ok: true };
  }

  async sessionEnded(): Promise<void> {}
}
