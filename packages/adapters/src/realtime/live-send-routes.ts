import type { Caller, CodeSyncTarget, DomainError } from '@sooscode/domain';
import { domainError } from '@sooscode/domain';
import type { AppOutcome, JsonObject, StompSessionHandle } from '../stomp/stomp-application';
import type { AppDestination } from './class-destinations';
import { parseCodePayload } from './code-payload';
import { joinedClasses } from './joined-classes';
import type { LiveAppDeps } from './live-app-deps';
import { readChatDraft, readChatId, readMode, readTyping } from './live-send-fields';

const OK: AppOutcome = { ok: true };
const fail = (error: DomainError): AppOutcome => ({ ok: false, error });
const outcome = (result: { ok: true } | { ok: false; error: DomainError }): AppOutcome => (result.ok ? OK : fail(result.error));

/**
 * Handles one `/app` SEND after the engine's checks (stomp.md §5.2 checks 5–11): the class gate, the
 * session's join, then reads the payload's JSON types and hands a typed command to the use case, which
 * checks the rest and publishes.
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
    case 'chat-send':
      return outcome(await d.postChat.execute({ classId: c, sender, draft: readChatDraft(payload) }));
    case 'chat-delete': {
      const chatId = readChatId(payload);
      return chatId.ok ? outcome(await d.deleteChat.execute({ classId: c, userId: principal.userId, chatId: chatId.value })) : fail(chatId.error);
    }
    case 'chat-reaction': {
      const chatId = readChatId(payload);
      return chatId.ok ? outcome(await d.toggleReaction.execute({ caller, chatId: chatId.value, classId: c })) : fail(chatId.error);
    }
    case 'chat-typing': {
      const typing = readTyping(payload);
      if (!typing.ok) return fail(typing.error);
      await d.announceTyping.execute({ classId: c, userId: principal.userId, username: principal.name, typing: typing.value });
      return OK;
    }
    case 'mode':
      return outcome(await d.changeMode.execute(c, grant.membership, readMode(payload)));
    default: {
      const target = codeTarget(dest);
      if (!target) return fail(domainError('GLOBAL_404'));
      const code = parseCodePayload(payload, d.codeSyncMaxChars);
      return outcome(await d.publishCode.execute({ classId: c, membership: grant.membership, sender, target, payload: code }));
    }
  }
}

/** The code-sync target of a code destination. */
function codeTarget(dest: AppDestination): CodeSyncTarget | null {
  if (dest.kind === 'instructor-code') return { kind: 'instructor' };
  if (dest.kind === 'student-code') return { kind: 'own' };
  if (dest.kind === 'edit-student-code') return { kind: 'edit-student', studentId: dest.studentId };
  return null;
}
