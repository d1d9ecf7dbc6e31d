import type { Caller, ClassGrant, DomainError } from '@sooscode/domain';
import { DetailReason, chatMessageDto, classTopics, deleteEvent, domainError, invalidField, parseCodePayload, reactionEvent } from '@sooscode/domain';
import type { AppOutcome, JsonObject, StompSessionHandle } from '../stomp/stomp-application';
import type { AppDestination } from './class-destinations';
import { joinedClasses } from './joined-classes';
import type { LiveAppDeps } from './live-app-deps';

const OK: AppOutcome = { ok: true };
const fail = (error: DomainError): AppOutcome => ({ ok: false, error });

/** Chat sends allowed per user and class in the flood window (stomp.md §5.4). */
export const CHAT_FLOOD_MAX = 10;
export const CHAT_FLOOD_WINDOW_S = 10;

/**
 * Handles one `/app` SEND after the engine's checks (stomp.md §5.2 checks 5–11): the class gate, the
 * session's join, the role rule of the destination, then the payload and its effect and broadcast.
 */
export async function handleSend(d: LiveAppDeps, dest: AppDestination, session: StompSessionHandle, payload: JsonObject): Promise<AppOutcome> {
  const { principal } = session;
  const caller: Caller = { userId: principal.userId, role: principal.role as Caller['role'] };
  const gate = await d.gate.check(dest.classId, caller);
  if (!gate.ok) return fail(gate.error);
  if (!joinedClasses(session).has(dest.classId)) return fail(domainError('CLASS_009'));
  const grant = gate.value;
  const c = dest.classId;
  const sender = { userId: principal.userId, name: principal.name };
  switch (dest.kind) {
    case 'chat-send': {
      const flood = await d.counter.hit(`chat-flood:${c}:${principal.userId}`, CHAT_FLOOD_WINDOW_S);
      if (flood.count > CHAT_FLOOD_MAX) return fail(domainError('GLOBAL_429'));
      const posted = await d.postChat.execute({ classId: c, sender, content: payload.content, replyToChatId: payload.replyToChatId });
      if (!posted.ok) return fail(posted.error);
      await d.broadcaster.publish(classTopics.chat(c), chatMessageDto(posted.value, d.timeZone));
      return OK;
    }
    case 'chat-delete': {
      const deleted = await d.deleteChat.execute({ classId: c, userId: principal.userId, chatId: payload.chatId });
      if (!deleted.ok) return fail(deleted.error);
      await d.broadcaster.publish(classTopics.chat(c), deleteEvent(deleted.value.chatId, c));
      return OK;
    }
    case 'chat-reaction': {
      const toggled = await d.toggleReaction.execute({ userId: principal.userId, chatId: payload.chatId, classId: c });
      if (!toggled.ok) return fail(toggled.error);
      await d.broadcaster.publish(classTopics.chat(c), reactionEvent(toggled.value.chatId, c, toggled.value.count));
      return OK;
    }
    case 'chat-typing': {
      const typing = payload.typing;
      if (typing !== undefined && typing !== null && typeof typing !== 'boolean') return fail(invalidField('typing', DetailReason.format));
      await d.broadcaster.publish(classTopics.typing(c), { classId: c, userId: principal.userId, username: principal.name, typing: typing === true });
      return OK;
    }
    case 'mode': {
      if (!grant.membership.instructor) return fail(domainError('CLASS_012'));
      const changed = await d.changeMode.execute(c, payload.mode);
      return changed.ok ? OK : fail(changed.error);
    }
    default:
      return handleCode(d, dest, grant, sender, payload);
  }
}

async function handleCode(
  d: LiveAppDeps,
  dest: AppDestination,
  grant: ClassGrant,
  sender: { userId: number; name: string },
  payload: JsonObject,
): Promise<AppOutcome> {
  const c = dest.classId;
  if (dest.kind === 'instructor-code') {
    if (!grant.membership.instructor) return fail(domainError('CLASS_012'));
    const code = parseCodePayload(payload, d.codeSyncMaxChars);
    if (!code.ok) return fail(code.error);
    await d.publishCode.execute({ classId: c, owner: { kind: 'instructor' }, sender, editedByInstructor: false }, code.value);
    return OK;
  }
  if (dest.kind === 'student-code') {
    if (!grant.membership.student) return fail(domainError('CLASS_002'));
    if ((await d.modes.get(c)) === 'VIEW_ONLY') return fail(domainError('CLASS_011'));
    const code = parseCodePayload(payload, d.codeSyncMaxChars);
    if (!code.ok) return fail(code.error);
    await d.publishCode.execute({ classId: c, owner: { kind: 'student', userId: sender.userId }, sender, editedByInstructor: false }, code.value);
    return OK;
  }
  if (dest.kind === 'edit-student-code') {
    if (!grant.membership.instructor) return fail(domainError('CLASS_012'));
    if (!(await d.enrolments.isEnrolled(c, dest.studentId))) return fail(domainError('PART_001'));
    const code = parseCodePayload(payload, d.codeSyncMaxChars);
    if (!code.ok) return fail(code.error);
    await d.publishCode.execute({ classId: c, owner: { kind: 'student', userId: dest.studentId }, sender, editedByInstructor: true }, code.value);
    return OK;
  }
  return fail(domainError('GLOBAL_404'));
}
