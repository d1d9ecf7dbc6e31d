import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '@sooscode/domain';
import { presentLiveEvent } from '../../src/realtime/live-event-presenter';
import { reactionBody } from '../../src/wire/chat-shapes';
import type { LiveFanOut } from '../../src/realtime/live-fan-out';
import { StompRoomBroadcaster } from '../../src/realtime/stomp-room-broadcaster';

const TZ = 'Asia/Seoul';
const C = 7;
const participants = {
  classId: C,
  participants: [
    { userId: 2, username: '이강사', instructor: true, joinedAt: new Date('2025-12-18T01:00:00.000Z'), video: false },
    { userId: 3, username: '김학생', instructor: false, joinedAt: new Date('2025-12-18T01:00:03.000Z'), video: true },
  ],
};
const message: ChatMessage = {
  id: 41, classId: C, userId: 3, username: '김학생', content: '안녕', createdAt: new Date('2025-12-18T01:00:00.000Z'),
  replyToChatId: null, replyToUsername: null, replyToContent: null, deleted: false, reactionCount: 2,
};
const wire = (e: Parameters<typeof presentLiveEvent>[0]) => {
  const { destination, body } = presentLiveEvent(e, TZ);
  return { destination, json: JSON.stringify(body) };
};

describe('presentLiveEvent: every room event to its STOMP destination and wire body (stomp.md §5)', () => {
  it('classroom events: participants, CLASS_ENDED, mode, KICKED to the user queue', () => {
    expect(wire({ type: 'participants-changed', classId: C, participants })).toEqual({
      destination: '/topic/class/7/participants', json: '{"classId":"7","participants":['
        + '{"userId":2,"username":"이강사","instructor":true,"joinedAt":"2025-12-18T10:00:00","video":false},'
        + '{"userId":3,"username":"김학생","instructor":false,"joinedAt":"2025-12-18T10:00:03","video":true}],"totalCount":2,"studentCount":1}',
    });
    expect(wire({ type: 'class-ended', classId: C })).toEqual({
      destination: '/topic/class/7/system', json: '{"type":"CLASS_ENDED","classId":7,"message":"수업이 종료되었습니다."}',
    });
    expect(wire({ type: 'mode-changed', classId: C, mode: 'VIEW_ONLY' })).toEqual({ destination: '/topic/class/7/mode', json: '{"mode":"VIEW_ONLY"}' });
    expect(wire({ type: 'kicked', classId: C, message: '떠들어서' })).toEqual({
      destination: '/user/queue/system', json: '{"type":"KICKED","classId":7,"message":"떠들어서"}',
    });
  });

  it('chat events: ChatMessageDto with createdAt in the time zone, DELETE, REACTION, typing', () => {
    expect(wire({ type: 'chat-posted', classId: C, message })).toEqual({
      destination: '/topic/class/7/chat',
      json: '{"chatId":41,"classId":7,"userId":3,"username":"김학생","content":"안녕","type":"CHAT","createdAt":"2025-12-18T10:00:00",'
        + '"replyToChatId":null,"replyToUsername":null,"replyToContent":null,"deleted":false,"reactionCount":2}',
    });
    expect(wire({ type: 'chat-deleted', classId: C, chatId: 41 })).toEqual({ destination: '/topic/class/7/chat', json: '{"chatId":41,"classId":7,"type":"DELETE"}' });
    expect(wire({ type: 'chat-reaction-changed', classId: C, chatId: 41, count: 3 })).toEqual({
      destination: '/topic/class/7/chat', json: '{"chatId":41,"classId":7,"count":3,"type":"REACTION"}',
    });
    expect(JSON.stringify(reactionBody(41, C, 3))).toBe('{"chatId":41,"classId":7,"count":3,"type":"REACTION"}');
    expect(wire({ type: 'chat-typing', classId: C, userId: 3, username: '김학생', typing: true })).toEqual({
      destination: '/topic/class/7/typing', json: '{"classId":7,"userId":3,"username":"김학생","typing":true}',
    });
  });

  it('code events: the instructor topic or the student\'s topic, CodeMessage fields in order', () => {
    const code = { classId: C, userId: 3, username: '이강사', code: 'x', language: 'java', instructor: true, editedByInstructor: true } as const;
    expect(wire({ type: 'code-changed', owner: { kind: 'student', userId: 3 }, ...code })).toEqual({
      destination: '/topic/code/student/7/3',
      json: '{"classId":7,"userId":3,"username":"이강사","code":"x","language":"java","instructor":true,"editedByInstructor":true}',
    });
    expect(wire({ type: 'code-changed', owner: { kind: 'instructor' }, ...code, editedByInstructor: false }).destination).toBe('/topic/code/instructor/7');
  });
});

describe('StompRoomBroadcaster', () => {
  it('hands the presented destination and body to the fan-out, to rooms and to one user', async () => {
    const calls: unknown[][] = [];
    const fanOut: LiveFanOut = {
      publish: async (destination, body) => void calls.push(['publish', destination, body]),
      sendToUser: async (userId, destination, body) => void calls.push(['toUser', userId, destination, body]),
    };
    const broadcaster = new StompRoomBroadcaster(fanOut, TZ);
    await broadcaster.publish({ type: 'mode-changed', classId: C, mode: 'FREE_PRACTICE' });
    await broadcaster.sendToUser(3, { type: 'kicked', classId: C, message: 'm' });
    expect(calls).toEqual([
      ['publish', '/topic/class/7/mode', { mode: 'FREE_PRACTICE' }],
      ['toUser', 3, '/user/queue/system', { type: 'KICKED', classId: C, message: 'm' }],
    ]);
  });
});
