import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { PresenceRegistry, User } from '@sooscode/domain';
import type { LiveFanOut } from '@sooscode/adapters/realtime/live-fan-out';
import { craftToken, sha256Base64, signLikeLiveKit } from '../../../adapters/test/livekit/support/webhook-signing';
import { TOKENS } from '../../src/tokens';
import { LK_KEY, LK_SECRET, outcomeOf, postWebhook, startLiveKitWorld, webhookBody, type LiveKitWorld } from './livekit-fixture';

const ACCEPTED = { success: true, status: 200, code: 'GLOBAL_000', message: '요청이 성공적으로 처리되었습니다' };
const nowS = () => Math.floor(Date.now() / 1000);

describe('POST /api/livekit/webhook', () => {
  let w: LiveKitWorld;
  let room: string;
  let publish: MockInstance<LiveFanOut['publish']>;
  beforeAll(async () => {
    w = await startLiveKitWorld();
    room = String(w.classRoom.id);
    // The student is present over STOMP; the instructor is not.
    await w.f.server.container
      .get<PresenceRegistry>(TOKENS.PresenceRegistry)
      .join(w.classRoom.id, 'session-student', { userId: w.student.id, username: w.student.name, instructor: false }, new Date());
    publish = vi.spyOn(w.f.server.container.get<LiveFanOut>(TOKENS.LiveFanOut), 'publish');
  });
  afterAll(async () => {
    publish?.mockRestore();
    await w?.stop();
  });
  beforeEach(() => {
    publish.mockClear();
    w.fake.calls.length = 0;
  });

  const participantEvent = (event: string, user: User | string, sid: string, fields: Record<string, unknown> = {}) =>
    webhookBody(event, {
      room: { sid: 'RM_abc', name: room, emptyTimeout: 300, creationTime: String(nowS()) },
      participant: { sid, identity: typeof user === 'string' ? user : `user-${user.id}`, state: 'ACTIVE', name: 'x' },
      ...fields,
    });
  /** The student's `video` flag as `GET /api/class/{id}/participants` shows it. */
  const studentVideo = async (): Promise<boolean | undefined> => {
    const res = await w.clients.instructor.request('GET', `/api/class/${room}/participants`);
    const list = (await res.json()) as { participants: { userId: number; video: boolean }[] };
    return list.participants.find((p) => p.userId === w.student.id)?.video;
  };
  const participantBroadcasts = () => publish.mock.calls.filter(([destination]) => destination === `/topic/class/${room}/participants`);
  const accept = async (body: string) => {
    const r = await postWebhook(w.f.anonymous, body);
    expect(r).toEqual({ status: 200, body: ACCEPTED });
  };

  it('turns the video flag on and off for a present member, broadcasting each change', async () => {
    await accept(participantEvent('participant_joined', w.student, 'PA_1'));
    expect(await studentVideo()).toBe(true);
    expect(participantBroadcasts()).toEqual([
      [`/topic/class/${room}/participants`, expect.objectContaining({ classId: room, participants: [expect.objectContaining({ userId: w.student.id, video: true })] })],
    ]);
    await accept(participantEvent('participant_left', w.student, 'PA_1'));
    expect(await studentVideo()).toBe(false);
    expect(participantBroadcasts()).toHaveLength(2);
  });

  it('does not let a late "left" from an older connection clear a newer one', async () => {
    await accept(participantEvent('participant_joined', w.student, 'PA_old'));
    await accept(participantEvent('participant_joined', w.student, 'PA_new'));
    await accept(participantEvent('participant_left', w.student, 'PA_old'));
    expect(await studentVideo()).toBe(true);
    await accept(participantEvent('participant_connection_aborted', w.student, 'PA_new'));
    expect(await studentVideo()).toBe(false);
  });

  it('processes a replayed event once', async () => {
    const joined = participantEvent('participant_joined', w.student, 'PA_r');
    const auth = await signLikeLiveKit(joined, LK_KEY, LK_SECRET);
    expect(await postWebhook(w.f.anonymous, joined, auth)).toEqual({ status: 200, body: ACCEPTED });
    await accept(participantEvent('participant_left', w.student, 'PA_r'));
    expect(await studentVideo()).toBe(false);
    expect(await postWebhook(w.f.anonymous, joined, auth)).toEqual({ status: 200, body: ACCEPTED });
    expect(await studentVideo()).toBe(false);
  });

  it('acknowledges stale events, unrelated rooms, foreign identities and other events without acting', async () => {
    await accept(participantEvent('participant_joined', w.student, 'PA_s', { createdAt: String(nowS() - 700) }));
    await accept(webhookBody('participant_joined', { room: { sid: 'RM_x', name: '987654321' }, participant: { sid: 'PA_x', identity: `user-${w.student.id}` } }));
    await accept(webhookBody('participant_joined', { room: { sid: 'RM_x', name: 'lobby' }, participant: { sid: 'PA_x', identity: `user-${w.student.id}` } }));
    await accept(participantEvent('participant_joined', `user-0${w.student.id}`, 'PA_f'));
    await accept(participantEvent('participant_joined', 'recorder-bot', 'PA_b'));
    await accept(participantEvent('track_published', w.student, 'PA_t', { track: { sid: 'TR_1', type: 'VIDEO', source: 'CAMERA' } }));
    await accept(webhookBody('egress_started', { egressInfo: { egressId: 'EG_1' } }));
    await accept(webhookBody('room_started', { room: { sid: 'RM_abc', name: room } }));
    expect(await studentVideo()).toBe(false);
    expect(participantBroadcasts()).toHaveLength(0);
    expect(w.fake.calls).toHaveLength(0);
  });

  it('clears every flag when the room finishes', async () => {
    await accept(participantEvent('participant_joined', w.student, 'PA_f1'));
    await accept(participantEvent('participant_joined', w.instructor, 'PA_f2'));
    publish.mockClear();
    await accept(webhookBody('room_finished', { room: { sid: 'RM_abc', name: room } }));
    expect(await studentVideo()).toBe(false);
    expect(participantBroadcasts()).toHaveLength(1);
  });

  it('removes a non-member or kicked participant from the LiveKit room', async () => {
    const outsider = await w.f.user('STUDENT');
    await accept(participantEvent('participant_joined', outsider, 'PA_o'));
    await vi.waitFor(() => expect(w.fake.callsTo('RemoveParticipant').map((c) => c.body)).toEqual([{ room, identity: `user-${outsider.id}` }]));
    const kicked = await w.f.user('STUDENT');
    await w.f.enrol(w.classRoom.id, kicked.id);
    expect((await w.clients.instructor.request('POST', `/api/class/${room}/kick/${kicked.id}`)).status).toBe(200);
    w.fake.calls.length = 0;
    await accept(participantEvent('participant_joined', kicked, 'PA_k'));
    await vi.waitFor(() => expect(w.fake.callsTo('RemoveParticipant').map((c) => c.body)).toEqual([{ room, identity: `user-${kicked.id}` }]));
    expect(w.fake.callsTo('RemoveParticipant')[0]!.claims).toMatchObject({ video: { roomAdmin: true, room } });
  });

  it('accepts application/json and a Bearer prefix', async () => {
    const body = participantEvent('participant_joined', w.student, 'PA_b1');
    expect(await postWebhook(w.f.anonymous, body, `Bearer ${await signLikeLiveKit(body, LK_KEY, LK_SECRET)}`, 'application/json')).toEqual({ status: 200, body: ACCEPTED });
    expect(await studentVideo()).toBe(true);
    await accept(participantEvent('participant_left', w.student, 'PA_b1'));
  });

  it('accepts a token from a clock a few seconds ahead, within the 10 s tolerance', async () => {
    const body = participantEvent('participant_joined', w.student, 'PA_skew');
    const ahead = await craftToken({ secret: LK_SECRET, iss: LK_KEY, nbf: nowS() + 5, exp: nowS() + 300, sha256: sha256Base64(body) });
    expect(await postWebhook(w.f.anonymous, body, ahead)).toEqual({ status: 200, body: ACCEPTED });
    expect(await studentVideo()).toBe(true);
    await accept(participantEvent('participant_left', w.student, 'PA_skew'));
  });

  it('refuses unauthentic requests with 401 LIVEKIT_001 and changes nothing', async () => {
    const body = participantEvent('participant_joined', w.student, 'PA_bad');
    const hash = sha256Base64(body);
    const refused = [
      ['missing', null],
      ['empty', ''],
      ['wrong body hash', await signLikeLiveKit(body.replace('PA_bad', 'PA_evil'), LK_KEY, LK_SECRET)],
      ['wrong secret', await signLikeLiveKit(body, LK_KEY, 'another-secret-0123456789abcdefghijklmn')],
      ['wrong key', await signLikeLiveKit(body, 'APIsomeoneElse', LK_SECRET)],
      ['expired', await craftToken({ secret: LK_SECRET, iss: LK_KEY, nbf: nowS() - 400, exp: nowS() - 60, sha256: hash })],
      ['not yet valid', await craftToken({ secret: LK_SECRET, iss: LK_KEY, nbf: nowS() + 60, exp: nowS() + 300, sha256: hash })],
      ['HS512', await craftToken({ secret: LK_SECRET, alg: 'HS512', iss: LK_KEY, nbf: nowS(), exp: nowS() + 300, sha256: hash })],
      ['garbage', 'not-a-jwt'],
    ] as const;
    for (const [label, auth] of refused) {
      const r = await postWebhook(w.f.anonymous, body, auth);
      expect(`${label} ${outcomeOf(r)}`).toBe(`${label} 401 LIVEKIT_001`);
    }
    expect(await studentVideo()).toBe(false);
  });

  it('answers 400 GLOBAL_400 for an authentic body that is not a JSON object, and 413 beyond 1 MiB', async () => {
    for (const body of ['[1,2]', 'not json', '']) {
      expect(`${JSON.stringify(body)} ${outcomeOf(await postWebhook(w.f.anonymous, body))}`).toBe(`${JSON.stringify(body)} 400 GLOBAL_400`);
    }
    const huge = JSON.stringify({ event: 'room_started', pad: 'x'.repeat(1024 * 1024) });
    expect(outcomeOf(await postWebhook(w.f.anonymous, huge, 'irrelevant'))).toBe('413 GLOBAL_413');
  });

  it('ignores user authentication: a logged-in caller with a cookie but no signature is refused', async () => {
    const body = participantEvent('participant_joined', w.student, 'PA_c');
    expect(outcomeOf(await postWebhook(w.clients.admin, body, null))).toBe('401 LIVEKIT_001');
  });
});
