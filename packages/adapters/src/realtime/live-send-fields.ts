import type { ChatDraft, DomainError, Result } from '@sooscode/domain';
import { DetailReason, err, invalidField, ok } from '@sooscode/domain';
import type { JsonObject } from '../stomp/stomp-application';

const absent = (v: unknown): v is undefined | null => v === undefined || v === null;
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/** Reads a chat send `{content, replyToChatId?}` (stomp.md §5.4): content a string, reply target an integer, else GLOBAL_410. */
export function readChatDraft(payload: JsonObject): ChatDraft {
  const { content, replyToChatId } = payload;
  return {
    content: absent(content) ? ok(null) : typeof content === 'string' ? ok(content) : err(invalidField('content', DetailReason.format)),
    replyToChatId: absent(replyToChatId) ? ok(null) : isId(replyToChatId) ? ok(replyToChatId) : err(invalidField('replyToChatId', DetailReason.format)),
  };
}

/** Reads `chatId` of a delete or reaction (stomp.md §5.4): missing or not an integer → GLOBAL_410. */
export function readChatId(payload: JsonObject): Result<number, DomainError> {
  const { chatId } = payload;
  if (absent(chatId)) return err(invalidField('chatId', DetailReason.missing));
  return isId(chatId) ? ok(chatId) : err(invalidField('chatId', DetailReason.format));
}

/** Reads `typing` (stomp.md §5.4): a boolean, absent meaning false; anything else → GLOBAL_410. */
export function readTyping(payload: JsonObject): Result<boolean, DomainError> {
  const { typing } = payload;
  if (!absent(typing) && typeof typing !== 'boolean') return err(invalidField('typing', DetailReason.format));
  return ok(typing === true);
}

/** Reads `mode` (stomp.md §5.6): the sent string, or null when absent or not a string (the domain refuses it). */
export function readMode(payload: JsonObject): string | null {
  return typeof payload.mode === 'string' ? payload.mode : null;
}
