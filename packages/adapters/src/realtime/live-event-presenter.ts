import { chatMessageDto, reactionBody } from '../wire/chat-shapes';
import { participantsResponse } from '../wire/participant-shapes';
import { classTopics, USER_SYSTEM_QUEUE } from './class-topics';
import type { LiveEvent } from './live-event';

/** Message of the `CLASS_ENDED` system event. */
export const CLASS_ENDED_MESSAGE = '수업이 종료되었습니다.';

/** Where a live event goes and its JSON body on the wire. */
export interface PresentedEvent {
  readonly destination: string;
  readonly body: object;
}

/**
 * THE table from room events to STOMP (stomp.md §5): each event's destination and wire body, field
 * order as the contract shows it. Dates are LocalDateTimes in `timeZone` (APP_TIME_ZONE).
 */
export function presentLiveEvent(event: LiveEvent, timeZone: string): PresentedEvent {
  const c = event.classId;
  switch (event.type) {
    case 'participants-changed':
      return { destination: classTopics.participants(c), body: participantsResponse(event.participants, timeZone) };
    case 'class-ended':
      return { destination: classTopics.system(c), body: { type: 'CLASS_ENDED', classId: c, message: CLASS_ENDED_MESSAGE } };
    case 'mode-changed':
      return { destination: classTopics.mode(c), body: { mode: event.mode } };
    case 'kicked':
      return { destination: USER_SYSTEM_QUEUE, body: { type: 'KICKED', classId: c, message: event.message } };
    case 'chat-posted':
      return { destination: classTopics.chat(c), body: chatMessageDto(event.message, timeZone) };
    case 'chat-deleted':
      return { destination: classTopics.chat(c), body: { chatId: event.chatId, classId: c, type: 'DELETE' } };
    case 'chat-reaction-changed':
      return { destination: classTopics.chat(c), body: reactionBody(event.chatId, c, event.count) };
    case 'chat-typing':
      return { destination: classTopics.typing(c), body: { classId: c, userId: event.userId, username: event.username, typing: event.typing } };
    case 'code-changed':
      return {
        destination: event.owner.kind === 'instructor' ? classTopics.instructorCode(c) : classTopics.studentCode(c, event.owner.userId),
        body: {
          classId: c,
          userId: event.userId,
          username: event.username,
          code: event.code,
          language: event.language,
          instructor: event.instructor,
          editedByInstructor: event.editedByInstructor,
        },
      };
  }
}
