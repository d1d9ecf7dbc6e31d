import { describe, expect, it } from 'vitest';
import { classIdOfRoomName, roomNameOf } from '@sooscode/domain';
import { requestedRoomOf, roomNameOfBody, roomNameText } from '../../src/http/routes/livekit/room-name-text';

const codeOf = (value: unknown) => {
  const r = classIdOfRoomName(roomNameText(value));
  return r.ok ? r.value : r.error.code;
};

describe('video room names (JSON value at the HTTP edge, then the domain rule)', () => {
  it('reads decimal class ids from strings and JSON numbers', () => {
    expect(codeOf('1')).toBe(1);
    expect(codeOf('42')).toBe(42);
    expect(codeOf(7)).toBe(7);
    expect(codeOf('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each([['0'], ['01'], ['-1'], ['+1'], ['1.5'], [' 1'], ['1 '], ['abc'], [''], ['12345678901234567'], [0], [-3], [1.5], [Number.NaN], [true], [null], [undefined], [{}], [['1']]])(
    'refuses %j with COMMON_004',
    (value) => {
      expect(codeOf(value)).toBe('COMMON_004');
    },
  );

  it('treats a well-formed name beyond 2^53-1 as a class that does not exist', () => {
    expect(codeOf('9007199254740993')).toBe('CLASS_001');
    expect(codeOf('9999999999999999')).toBe('CLASS_001');
  });

  it('takes roomName, and classId only when roomName is absent or null', () => {
    expect(requestedRoomOf({ roomName: '3', classId: 4 })).toBe('3');
    expect(requestedRoomOf({ roomName: null, classId: 4 })).toBe(4);
    expect(requestedRoomOf({ classId: '5' })).toBe('5');
    expect(requestedRoomOf({ roomName: 'x', classId: 4 })).toBe('x');
    expect(requestedRoomOf({})).toBeUndefined();
  });

  it('gives the domain the decimal text of the requested room, or null', () => {
    expect(roomNameOfBody({ roomName: 7, classId: 4 })).toBe('7');
    expect(roomNameOfBody({ classId: '5' })).toBe('5');
    expect(roomNameOfBody({ roomName: true })).toBeNull();
    expect(roomNameOfBody({})).toBeNull();
  });

  it('names the room of a class by its decimal id', () => {
    expect(roomNameOf(12)).toBe('12');
  });
});
