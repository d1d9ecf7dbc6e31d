import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireCode } from '@sooscode/adapters/wire/wire-code';
import { STATUS_CODES } from '@sooscode/adapters/http/status-codes';
import { actorWorld, startClassroomFixture, type Actor, type ActorWorld, type ClassroomFixture } from './classroom-fixture';

/** 'ok' = a 2xx answer (RAW or enveloped); otherwise the exact error code (its status follows). */
type Outcome = 'ok' | WireCode;
type Row = readonly [label: string, method: string, path: (w: ActorWorld, snapshotId: number) => string, body: unknown, expected: Record<Actor, Outcome>];

const A = 'GLOBAL_401' as const;
/** member(c) or admin */
const VIEWER = { anonymous: A, outsider: 'CLASS_002', student: 'ok', instructor: 'ok', otherInstructor: 'CLASS_002', admin: 'ok' } as const;
/** staff(c) */
const STAFF = { anonymous: A, outsider: 'CLASS_002', student: 'CLASS_012', instructor: 'ok', otherInstructor: 'CLASS_002', admin: 'ok' } as const;
/** member(c) only */
const MEMBER = { anonymous: A, outsider: 'CLASS_002', student: 'ok', instructor: 'ok', otherInstructor: 'CLASS_002', admin: 'CLASS_002' } as const;
/** any user (the query is scoped to the caller) */
const USER = { anonymous: A, outsider: 'ok', student: 'ok', instructor: 'ok', otherInstructor: 'ok', admin: 'ok' } as const;
/** only the enrolled student owns the snapshot */
const OWNER = (other: WireCode) => ({ anonymous: A, outsider: other, student: 'ok', instructor: other, otherInstructor: other, admin: other }) as const;
/** Who gets past authorisation, for requests whose (missing) body is refused right after it. */
const UNTIL_BODY = (m: Record<Actor, Outcome>, bodyError: WireCode) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v === 'ok' ? bodyError : v])) as Record<Actor, Outcome>;

const snapshotBody = (w: ActorWorld) => ({ classId: w.classRoom.id, title: '제목', content: 'code', language: 'java' });
const ROWS: Row[] = [
  ['enter', 'GET', (w) => `/api/class/${w.classRoom.id}`, undefined, VIEWER],
  ['enter alias', 'GET', (w) => `/api/classroom/${w.classRoom.id}`, undefined, VIEWER],
  ['count', 'GET', (w) => `/api/class/${w.classRoom.id}/count`, undefined, VIEWER],
  ['participants', 'GET', (w) => `/api/class/${w.classRoom.id}/participants`, undefined, VIEWER],
  ['students', 'GET', (w) => `/api/class/${w.classRoom.id}/students`, undefined, VIEWER],
  ['instructor code', 'GET', (w) => `/api/class/${w.classRoom.id}/code/instructor`, undefined, VIEWER],
  ['student code', 'GET', (w) => `/api/class/${w.classRoom.id}/code/student/${w.student.id}`, undefined, VIEWER],
  ['kick', 'POST', (w) => `/api/class/${w.classRoom.id}/kick/${w.student.id}`, undefined, STAFF],
  ['end', 'POST', (w) => `/api/class/${w.classRoom.id}/end`, undefined, STAFF],
  ['my page detail', 'GET', (w) => `/api/mypage/detail/${w.classRoom.id}`, undefined, VIEWER],
  ['my page classes', 'GET', () => `/api/mypage/classes`, undefined, { ...USER, admin: 'USER_002' }],
  ['class files', 'GET', (w) => `/api/mypage/${w.classRoom.id}/files`, undefined, VIEWER],
  ['class files by date', 'GET', (w) => `/api/mypage/${w.classRoom.id}/files/by-date?lectureDate=2025-12-01`, undefined, VIEWER],
  // staff(c) is checked before the body is read: only those allowed get as far as its (wrong) type
  ['thumbnail', 'POST', (w) => `/api/mypage/classroom/${w.classRoom.id}/thumbnail`, undefined, UNTIL_BODY(STAFF, 'GLOBAL_415')],
  // the class is a field of the form: every user's non-multipart request is refused for its type
  ['file upload', 'POST', () => `/api/mypage/files/upload`, undefined, UNTIL_BODY(USER, 'GLOBAL_415')],
  // an empty body is not JSON: 400 GLOBAL_400 for every user
  ['file batch delete', 'DELETE', () => `/api/mypage/files/batch`, undefined, UNTIL_BODY(USER, 'GLOBAL_400')],
  ['profile image update', 'POST', () => `/api/mypage/profile/image/update`, undefined, UNTIL_BODY(USER, 'GLOBAL_415')],
  ['profile image delete', 'POST', () => `/api/mypage/profile/image/delete`, undefined, USER],
  ['snapshot create', 'POST', () => `/api/snapshot/`, snapshotBody, MEMBER],
  ['snapshot create alias', 'POST', () => `/api/snapshot`, snapshotBody, MEMBER],
  ['snapshot page', 'GET', (w) => `/api/snapshot/read?classId=${w.classRoom.id}`, undefined, USER],
  ['snapshot content search', 'GET', (w) => `/api/snapshot/read/content?classId=${w.classRoom.id}&content=x`, undefined, USER],
  ['snapshot filter page', 'GET', (w) => `/api/snapshot/read/title/language/date?classId=${w.classRoom.id}`, undefined, USER],
  ['snapshot language page', 'GET', (w) => `/api/snapshot/read/language/date?classId=${w.classRoom.id}&language=JAVA&day=2025-12-01`, undefined, USER],
  ['snapshot title search', 'GET', (w) => `/api/snapshot/read/title?classId=${w.classRoom.id}&title=seeded`, undefined, OWNER('SNAPSHOT_007')],
  ['snapshot read each', 'GET', (w, s) => `/api/snapshot/read/each?classId=${w.classRoom.id}&snapshotId=${s}`, undefined, OWNER('SNAPSHOT_004')],
  ['snapshot update', 'POST', (w, s) => `/api/snapshot/update?snapshotId=${s}`, (w: ActorWorld) => ({ classId: w.classRoom.id, title: 'seeded 2', content: 'x' }), { ...OWNER('CLASS_002'), instructor: 'SNAPSHOT_005' }],
  ['snapshot delete', 'POST', (w, s) => `/api/snapshot/delete?classId=${w.classRoom.id}&snapshotId=${s}`, undefined, OWNER('SNAPSHOT_004')],
];
/** The owner goes last so that a successful delete does not change the others' answers. */
const ACTORS: Actor[] = ['anonymous', 'outsider', 'otherInstructor', 'instructor', 'admin', 'student'];

describe('authorisation matrix of the class, my-page and snapshot endpoints', () => {
  let f: ClassroomFixture;
  let w: ActorWorld;
  let snapshotId: number;
  beforeAll(async () => {
    f = await startClassroomFixture();
    w = await actorWorld(f);
    const created = await w.clients.student.json('POST', '/api/snapshot/', { body: { ...snapshotBody(w), title: 'seeded' } });
    snapshotId = (created.body.data as { snapshotId: number }).snapshotId;
  });
  afterAll(async () => {
    await f.stop();
  });

  for (const [label, method, path, body, expected] of ROWS) {
    it(`${method} ${label}`, async () => {
      const answers: Record<string, string> = {};
      for (const actor of ACTORS) {
        const payload = typeof body === 'function' ? (body as (w: ActorWorld) => unknown)(w) : body;
        const r = await w.clients[actor].json(method, path(w, snapshotId), payload === undefined ? {} : { body: payload });
        const outcome = expected[actor];
        const ok = outcome === 'ok' ? r.status >= 200 && r.status < 300 : r.status === STATUS_CODES[outcome].status && r.body.code === outcome;
        answers[actor] = ok ? 'as expected' : `got ${r.status} ${String(r.body.code)}, wanted ${outcome}`;
      }
      expect(answers).toEqual(Object.fromEntries(ACTORS.map((a) => [a, 'as expected'])));
    });
  }
});
