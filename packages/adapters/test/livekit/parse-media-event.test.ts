import { describe, expect, it } from 'vitest';
import { parseMediaEvent } from '../../src/livekit/parse-media-event';

describe('parseMediaEvent', () => {
  it('reads a track event', () => {
    const event = parseMediaEvent({
      event: 'track_published',
      id: 'EV_1',
      createdAt: '1766040000',
      room: { name: '1', sid: 'RM_1' },
      participant: { identity: 'user-7', sid: 'PA_1' },
      track: { sid: 'TR_1', type: 'VIDEO', source: 'CAMERA', width: 1280 },
    });

    expect(event).toEqual({
      event: 'track_published',
      id: 'EV_1',
      createdAtS: 1766040000,
      room: { name: '1', sid: 'RM_1' },
      participant: { identity: 'user-7', sid: 'PA_1' },
      track: { sid: 'TR_1', type: 'VIDEO', source: 'CAMERA' },
    });
  });

  it('reads an empty object as an event with nothing in it', () => {
    expect(parseMediaEvent({})).toEqual({ event: '', id: '', createdAtS: null, room: null, participant: null, track: null });
  });

  it.each([
    ['a numeric createdAt', 1766040000, 1766040000],
    ['a decimal string', '1766040000', 1766040000],
    ['a fraction', 1766040000.5, null],
    ['a negative number', -1, null],
    ['a non-numeric string', 'yesterday', null],
    ['a signed string', '-5', null],
    ['an absurdly long string', '1'.repeat(30), null],
    ['an object', { seconds: 1 }, null],
  ])('reads %s as createdAtS %s', (_label, createdAt, expected) => {
    expect(parseMediaEvent({ createdAt }).createdAtS).toBe(expected);
  });

  it('reads malformed parts as absent instead of failing', () => {
    const event = parseMediaEvent({
      event: 7,
      id: null,
      room: { name: 1, sid: 'RM_1' },
      participant: ['user-7'],
      track: { type: 'AUDIO' },
    });

    expect(event).toEqual({ event: '', id: '', createdAtS: null, room: null, participant: null, track: null });
  });

  it('defaults a missing sid to an empty string', () => {
    const event = parseMediaEvent({ room: { name: '1' }, participant: { identity: 'user-7', sid: 3 }, track: { sid: 'TR_1' } });

    expect(event.room).toEqual({ name: '1', sid: '' });
    expect(event.participant).toEqual({ identity: 'user-7', sid: '' });
    expect(event.track).toEqual({ sid: 'TR_1', type: null, source: null });
  });
});
