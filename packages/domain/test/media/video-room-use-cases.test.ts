import { beforeEach, describe, expect, it } from 'vitest';
import { CloseVideoRoom, ListVideoParticipants, ListVideoRooms, OpenVideoRoom, type Result } from '@sooscode/domain';
import { mediaWorld, RecordingRoomGateway, type MediaWorld } from './media-fixture';

const OPTIONS = { emptyTimeoutS: 300, maxParticipants: 10 };
const codeOf = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

describe('video room use cases', () => {
  let w: MediaWorld;
  let gateway: RecordingRoomGateway;

  beforeEach(async () => {
    w = await mediaWorld();
    gateway = new RecordingRoomGateway();
  });

  it('opens the class room for staff with the configured options', async () => {
    const open = new OpenVideoRoom(w.access, gateway, OPTIONS);
    expect(await open.execute(String(w.room.id), w.instructor)).toEqual({ ok: true, value: { roomName: String(w.room.id) } });
    expect(await open.execute(String(w.room.id), w.admin)).toEqual({ ok: true, value: { roomName: String(w.room.id) } });
    expect(gateway.calls).toEqual([
      { method: 'createRoom', args: [String(w.room.id), OPTIONS] },
      { method: 'createRoom', args: [String(w.room.id), OPTIONS] },
    ]);
  });

  it('closes the class room and lists its participants', async () => {
    gateway.participants = [{ identity: 'user-7', publisher: true }];
    expect(await new CloseVideoRoom(w.access, gateway).execute(String(w.room.id), w.instructor)).toEqual({ ok: true, value: { ended: true } });
    expect(await new ListVideoParticipants(w.access, gateway).execute(String(w.room.id), w.admin)).toEqual({
      ok: true,
      value: [{ identity: 'user-7', publisher: true }],
    });
    expect(gateway.calls.map((c) => c.method)).toEqual(['deleteRoom', 'listParticipants']);
  });

  it.each([
    ['open', (w: MediaWorld, g: RecordingRoomGateway | null) => new OpenVideoRoom(w.access, g, OPTIONS)],
    ['close', (w: MediaWorld, g: RecordingRoomGateway | null) => new CloseVideoRoom(w.access, g)],
    ['participants', (w: MediaWorld, g: RecordingRoomGateway | null) => new ListVideoParticipants(w.access, g)],
  ] as const)('%s: checks room name, class, staff, configuration, upstream — in that order', async (_n, make) => {
    const uc = make(w, gateway);
    const id = String(w.room.id);
    expect(codeOf(await uc.execute('01', w.instructor))).toBe('COMMON_004');
    expect(codeOf(await uc.execute('404', w.instructor))).toBe('CLASS_001');
    expect(codeOf(await uc.execute(id, w.outsider))).toBe('CLASS_002');
    expect(codeOf(await uc.execute(id, w.otherInstructor))).toBe('CLASS_002');
    expect(codeOf(await uc.execute(id, w.student))).toBe('CLASS_012');
    expect(gateway.calls).toHaveLength(0);
    const off = make(w, null);
    expect(codeOf(await off.execute('01', w.instructor))).toBe('COMMON_004');
    expect(codeOf(await off.execute(id, w.student))).toBe('CLASS_012');
    expect(codeOf(await off.execute(id, w.instructor))).toBe('GLOBAL_503');
    gateway.failing = true;
    expect(codeOf(await uc.execute(id, w.instructor))).toBe('LIVEKIT_002');
  });

  it('lists rooms for admins only', async () => {
    gateway.rooms = [{ sid: 'RM_1', name: '1' }];
    const list = new ListVideoRooms(gateway);
    expect(await list.execute(w.admin)).toEqual({ ok: true, value: [{ sid: 'RM_1', name: '1' }] });
    expect(codeOf(await list.execute(w.instructor))).toBe('GLOBAL_403');
    expect(codeOf(await list.execute(w.student))).toBe('GLOBAL_403');
    expect(codeOf(await new ListVideoRooms(null).execute(w.instructor))).toBe('GLOBAL_403');
    expect(codeOf(await new ListVideoRooms(null).execute(w.admin))).toBe('GLOBAL_503');
    gateway.failing = true;
    expect(codeOf(await list.execute(w.admin))).toBe('LIVEKIT_002');
  });
});
