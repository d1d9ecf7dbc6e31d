import type { Caller, DomainError } from '@sooscode/domain';
import { domainError } from '@sooscode/domain';
import type {
  AuthenticationResult, SendResolution, StompApplication, StompSessionHandle, SubscribeDecision,
} from '../stomp/stomp-application';
import type { HandshakeInfo } from '../stomp/stomp-socket';
import { parseAppDestination, parseClassTopic } from './class-destinations';
import { joinedClasses } from './joined-classes';
import type { LiveAppDeps } from './live-app-deps';
import { handleSend } from './live-send-routes';
import { participantsResponse } from '../wire/participant-shapes';

const USER_QUEUES = new Set(['/user/queue/errors', '/user/queue/system']);
const refuse = (error: DomainError): SubscribeDecision => ({ ok: false, error });

/**
 * The live classroom over STOMP (stomp.md §4–§5): authentication at CONNECT, subscription
 * authorisation from class data (admins are not members), the join on a session's first chat
 * SUBSCRIBE per class, snapshots for late joiners, the `/app` routes, and leaving on session end.
 */
export class ClassroomStompApplication implements StompApplication {
  constructor(private readonly d: LiveAppDeps) {}

  async authenticate(connectHeaders: ReadonlyMap<string, string>, handshake: HandshakeInfo): Promise<AuthenticationResult> {
    const result = await this.d.credentials.authenticate(connectHeaders, handshake);
    if (!result.ok) return result;
    const p = result.principal;
    return { ok: true, principal: { userId: p.userId, name: p.name, role: p.role, familyId: p.familyId } };
  }

  resolveSend(destination: string): SendResolution {
    if (!destination.startsWith('/app/')) return { ok: false, error: { code: 'GLOBAL_403' } };
    const dest = parseAppDestination(destination);
    if (!dest) return { ok: false, error: { code: 'GLOBAL_404' } };
    return { ok: true, route: (session, payload) => handleSend(this.d, dest, session, payload) };
  }

  async subscribe(session: StompSessionHandle, destination: string): Promise<SubscribeDecision> {
    if (USER_QUEUES.has(destination)) return { ok: true };
    const topic = parseClassTopic(destination);
    if (!topic) return refuse(domainError('GLOBAL_404'));
    const { principal } = session;
    const caller: Caller = { userId: principal.userId, role: principal.role as Caller['role'] };
    const gate = await this.d.gate.check(topic.classId, caller);
    if (!gate.ok) return refuse(gate.error);
    const c = topic.classId;
    const { membership } = gate.value;
    switch (topic.kind) {
      case 'chat':
        return {
          ok: true,
          activate: async () => {
            const joined = joinedClasses(session);
            if (joined.has(c)) return undefined;
            joined.add(c);
            await this.d.presence.join(c, { sessionId: session.id, userId: principal.userId, name: principal.name, instructor: membership.instructor });
            return undefined;
          },
        };
      case 'participants':
        return { ok: true, activate: async () => ({ ...participantsResponse(await this.d.participants.of(c), this.d.timeZone) }) };
      case 'mode':
        return {
          ok: true,
          activate: async () => {
            const mode = await this.d.modes.get(c);
            return mode ? { mode } : undefined;
          },
        };
      case 'student-code':
        if (membership.instructor) {
          return (await this.d.enrolments.isEnrolled(c, topic.studentId)) ? { ok: true } : refuse(domainError('PART_001'));
        }
        return topic.studentId === principal.userId ? { ok: true } : refuse(domainError('CLASS_002'));
      default:
        return { ok: true };
    }
  }

  async sessionEnded(session: StompSessionHandle): Promise<void> {
    for (const classId of [...joinedClasses(session)]) {
      joinedClasses(session).delete(classId);
      try {
        await this.d.presence.leave(classId, session.id);
      } catch (err) {
        this.d.logger.error({ err, classId }, 'leaving a live class failed');
      }
    }
  }
}
