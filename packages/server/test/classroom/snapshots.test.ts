import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassRoom, Snapshot, SnapshotRepository, User } from '@sooscode/domain';
import { SnapshotMother } from '@sooscode/domain/testing';
import type { HttpClient } from '../support/test-server';
import { TOKENS } from '../../src/tokens';
import { startClassroomFixture, type ClassroomFixture } from './classroom-fixture';

const FULL_KEYS = ['snapshotId', 'userId', 'classId', 'title', 'content', 'language', 'createdAt', 'updatedAt'];
const TITLE_KEYS = ['codeSnapshotId', 'title', 'language', 'createdAt'];
type Body = Record<string, unknown>;

describe('snapshots (http.md §6)', () => {
  let f: ClassroomFixture;
  let repo: SnapshotRepository;
  let room: ClassRoom;
  let me: User;
  let client: HttpClient;
  let peer: HttpClient;
  /** Seeded snapshots of `me` in `room`: created 2025-12-17 23:59:59.999 KST, 2025-12-18 00:00 KST and 2025-12-19 10:00 KST. */
  let seeded: Snapshot[];
  beforeAll(async () => {
    f = await startClassroomFixture({ env: { SNAPSHOT_MAX_CHARS: '50' } });
    repo = f.server.container.get(TOKENS.SnapshotRepository);
    const teacher = await f.user('INSTRUCTOR');
    room = await f.classRoom(teacher.id);
    me = await f.user('STUDENT');
    const other = await f.user('STUDENT');
    await f.enrol(room.id, me.id);
    await f.enrol(room.id, other.id);
    client = await f.login(me);
    peer = await f.login(other);
    const at = (iso: string) => new Date(iso);
    seeded = [
      await repo.create(SnapshotMother.build(me.id, room.id, { title: 'Hello Java', content: 'System.OUT.println', createdAt: at('2025-12-17T14:59:59.999Z'), updatedAt: at('2025-12-20T00:00:00Z') })),
      await repo.create(SnapshotMother.build(me.id, room.id, { title: 'hello python', content: 'print(1)', language: 'PYTHON', createdAt: at('2025-12-17T15:00:00Z'), updatedAt: at('2025-12-18T00:00:00Z') })),
      await repo.create(SnapshotMother.build(me.id, room.id, { title: 'Web page', content: '<p>hi</p>', language: 'CSS_HTML_JS', createdAt: at('2025-12-19T01:00:00Z'), updatedAt: at('2025-12-19T01:00:00Z') })),
    ];
    await repo.create(SnapshotMother.build(other.id, room.id, { title: 'hello other' }));
  });
  afterAll(async () => {
    await f.stop();
  });
  const get = (path: string, who = client) => who.json('GET', path);
  const idsOf = (r: { body: Body }, key = 'snapshotId') => (r.body.data as Body[]).map((s) => s[key]);
  const pageIds = (r: { body: Body }, key = 'codeSnapshotId') => ((r.body.data as { content: Body[] }).content).map((s) => s[key]);
  const s0 = () => seeded[0]!.id;
  const s1 = () => seeded[1]!.id;
  const s2 = () => seeded[2]!.id;

  it('creates at both paths and validates in the contract order', async () => {
    const body = { classId: room.id, title: '  내 코드 ', content: 'x = 1', language: 'python', userId: 999, updatedAt: '2020-01-01T00:00:00' };
    const r = await client.json('POST', '/api/snapshot/', { body });
    expect([r.status, r.body.code]).toEqual([200, 'SNAPSHOT_000']);
    const data = r.body.data as { snapshotId: number };
    expect(r.body.data).toEqual({ snapshotId: data.snapshotId, title: '  내 코드 ', content: 'x = 1' });
    expect(await repo.findById(data.snapshotId)).toMatchObject({ userId: me.id, language: 'PYTHON' });
    expect((await client.json('POST', '/api/snapshot', { body: { ...body, language: 'Css_Html_Js' } })).body.code).toBe('SNAPSHOT_000');
    await repo.deleteOwned(me.id, room.id, data.snapshotId);
    const cases: [Body, string][] = [
      [{ title: ' ', content: '' }, 'SNAPSHOT_009'],
      [{ title: undefined }, 'SNAPSHOT_009'],
      [{ title: 't'.repeat(256), content: '' }, 'SNAPSHOT_010'],
      [{ content: '  ', classId: undefined }, 'SNAPSHOT_006'],
      [{ content: 'c'.repeat(51), classId: undefined }, 'SNAPSHOT_013'],
      [{ classId: undefined, language: 'ruby' }, 'CLASS_001'],
      [{ language: 'ruby', classId: 999_999 }, 'SNAPSHOT_012'],
      [{ language: undefined }, 'SNAPSHOT_012'],
      [{ classId: 999_999 }, 'CLASS_001'],
      [{ classId: 'abc' }, 'GLOBAL_410'],
    ];
    for (const [patch, code] of cases) {
      const b: Body = { ...body, ...patch };
      for (const k of Object.keys(patch)) if (patch[k] === undefined) delete b[k];
      expect([JSON.stringify(patch).slice(0, 50), (await client.json('POST', '/api/snapshot/', { body: b })).body.code]).toEqual([JSON.stringify(patch).slice(0, 50), code]);
    }
    expect((await client.json('POST', '/api/snapshot/', { body: { ...body, content: 'c'.repeat(50) } })).body.code).toBe('SNAPSHOT_000');
    const outsider = await f.login(await f.user('STUDENT'));
    expect((await outsider.json('POST', '/api/snapshot/', { body })).body.code).toBe('CLASS_002');
    const all = await repo.find({ userId: me.id, classId: room.id }, { field: 'createdAt', direction: 'DESC' });
    for (const s of all.items) if (!seeded.some((x) => x.id === s.id)) await repo.deleteOwned(me.id, room.id, s.id);
  });

  it('reads one snapshot of the caller’s own, else SNAPSHOT_004', async () => {
    const r = await get(`/api/snapshot/read/each?classId=${room.id}&snapshotId=${s0()}`);
    expect([r.body.code, Object.keys(r.body.data as Body)]).toEqual(['SNAPSHOT_003', FULL_KEYS]);
    expect(r.body.data).toEqual({
      snapshotId: s0(), userId: me.id, classId: room.id, title: 'Hello Java', content: 'System.OUT.println', language: 'JAVA',
      createdAt: '2025-12-17T23:59:59.999', updatedAt: '2025-12-20T09:00:00',
    });
    expect((await get(`/api/snapshot/read/each?classId=${room.id}&snapshotId=${s0()}`, peer)).body.code).toBe('SNAPSHOT_004');
    expect((await get(`/api/snapshot/read/each?classId=999999&snapshotId=${s0()}`)).body.code).toBe('SNAPSHOT_004');
    for (const q of [`classId=${room.id}`, `snapshotId=1`, `classId=x&snapshotId=1`, `classId=1&snapshotId=9007199254740993`]) {
      expect([q, (await get(`/api/snapshot/read/each?${q}`)).body.code]).toEqual([q, 'GLOBAL_411']);
    }
  });

  it('pages the caller’s snapshots newest first (default size 3)', async () => {
    const r = await get(`/api/snapshot/read?classId=${room.id}&size=2`);
    expect(r.body.data).toMatchObject({ totalElements: 3, totalPages: 2, size: 2, number: 0 });
    expect(pageIds(r, 'snapshotId')).toEqual([s2(), s1()]);
    expect(Object.keys((r.body.data as { content: Body[] }).content[0]!)).toEqual(FULL_KEYS);
    expect((await get(`/api/snapshot/read?classId=${room.id}`)).body.data).toMatchObject({ size: 3, totalPages: 1 });
  });

  it('searches titles (any case, empty is SNAPSHOT_007) and contents (exact case, empty is fine)', async () => {
    expect(idsOf(await get(`/api/snapshot/read/title?classId=${room.id}&title=HELLO`))).toEqual([s1(), s0()]);
    const none = await get(`/api/snapshot/read/title?classId=${room.id}&title=zzz`);
    expect([none.status, none.body.code, none.body.message]).toEqual([400, 'SNAPSHOT_007', '데이터 정보가 없습니다']);
    expect((await get(`/api/snapshot/read/title?classId=${room.id}`)).body.code).toBe('GLOBAL_411');
    expect(idsOf(await get(`/api/snapshot/read/content?classId=${room.id}&content=OUT`))).toEqual([s0()]);
    const empty = await get(`/api/snapshot/read/content?classId=${room.id}&content=out`);
    expect([empty.status, empty.body.data]).toEqual([200, []]);
  });

  it('filters by day or by both bounds in Asia/Seoul; SNAPSHOT_011 without them; SNAPSHOT_007 when empty', async () => {
    const q = (rest: string, path = 'date') => get(`/api/snapshot/read/${path}?classId=${room.id}&${rest}`);
    expect(idsOf(await q('day=2025-12-17'))).toEqual([s0()]);
    expect(idsOf(await q('day=2025-12-18'))).toEqual([s1()]);
    expect(idsOf(await q('startDate=2025-12-17&endDate=2025-12-19'))).toEqual([s2(), s1(), s0()]);
    expect(idsOf(await q('day=2025-12-19&startDate=2025-12-01&endDate=2025-12-31'))).toEqual([s2()]);
    expect((await q('startDate=2025-12-17')).body.code).toBe('SNAPSHOT_011');
    expect((await q('')).body.code).toBe('SNAPSHOT_011');
    expect((await q('day=2025-12-25')).body.code).toBe('SNAPSHOT_007');
    expect((await q('day=2025-12-32')).body.code).toBe('GLOBAL_411');
    expect(idsOf(await q('title=hello&startDate=2025-12-18&endDate=2025-12-19', 'title/date'))).toEqual([s1()]);
    expect((await q('title=web&day=2025-12-17', 'title/date')).body.code).toBe('SNAPSHOT_007');
    expect(idsOf(await q('content=print&day=2025-12-18', 'content/date'))).toEqual([s1()]);
    const titles = await q('startDate=2025-12-17&endDate=2025-12-18', 'onlytitle/date');
    expect((titles.body.data as Body[]).map((t) => Object.keys(t))).toEqual([TITLE_KEYS, TITLE_KEYS]);
    expect((titles.body.data as Body[])[0]).toEqual({ codeSnapshotId: s1(), title: 'hello python', language: 'PYTHON', createdAt: '2025-12-18T00:00:00' });
  });

  it('pages by language and dates with a sort parameter', async () => {
    const q = (rest: string) => get(`/api/snapshot/read/language/date?classId=${room.id}&${rest}`);
    const r = await q('language=java&startDate=2025-12-01&endDate=2025-12-31');
    expect(r.body.data).toMatchObject({ totalElements: 1, size: 10 });
    expect(Object.keys((r.body.data as { content: Body[] }).content[0]!)).toEqual(TITLE_KEYS);
    expect((await q('language=ruby&day=2025-12-17')).body.code).toBe('SNAPSHOT_012');
    expect((await q('day=2025-12-17')).body.code).toBe('SNAPSHOT_012');
    expect((await q('language=JAVA')).body.code).toBe('SNAPSHOT_011');
    expect((await q('language=JAVA&day=2025-12-25')).body.data).toMatchObject({ totalElements: 0, empty: true });
  });

  it('filters everything optionally on read/title/language/date, with sort and paging', async () => {
    const q = (rest: string) => get(`/api/snapshot/read/title/language/date?classId=${room.id}&${rest}`);
    expect(pageIds(await q(''))).toEqual([s2(), s1(), s0()]);
    expect(pageIds(await q('sort=updatedAt,asc'))).toEqual([s1(), s2(), s0()]);
    expect(pageIds(await q('sort=createdAt'))).toEqual([s0(), s1(), s2()]);
    expect(pageIds(await q('sort=title,asc'))).toEqual([s2(), s1(), s0()]);
    expect(pageIds(await q('language=python'))).toEqual([s1()]);
    expect(pageIds(await q('title=HELLO&startDate=2025-12-18'))).toEqual([s1(), s0()]);
    expect(pageIds(await q('title=HELLO&startDate=2025-12-18&endDate=2025-12-18'))).toEqual([s1()]);
    expect((await q('size=9&page=0')).body.data).toMatchObject({ size: 9, totalElements: 3 });
    expect((await q('language=cobol')).body.code).toBe('SNAPSHOT_012');
    expect((await get('/api/snapshot/read/title/language/date?classId=999999&language=cobol')).body.code).toBe('CLASS_001');
    expect((await get(`/api/snapshot/read/title/language/date?classId=${room.id}`, peer)).body.data).toMatchObject({ totalElements: 1 });
  });

  it('updates only the caller’s snapshot and deletes it', async () => {
    const created = await client.json('POST', '/api/snapshot/', { body: { classId: room.id, title: 'tmp', content: 'a', language: 'JAVA' } });
    const id = (created.body.data as { snapshotId: number }).snapshotId;
    const update = (who: HttpClient, body: Body, q = `snapshotId=${id}`) => who.json('POST', `/api/snapshot/update?${q}`, { body });
    expect((await update(client, { classId: room.id, title: 'x', content: 'y' }, '')).body.code).toBe('GLOBAL_411');
    expect((await update(client, { classId: room.id, title: '', content: 'y' })).body.code).toBe('SNAPSHOT_009');
    expect((await update(client, { title: 'x', content: 'y' })).body.code).toBe('CLASS_001');
    expect((await update(client, { classId: 999_999, title: 'x', content: 'y' })).body.code).toBe('CLASS_001');
    expect((await update(client, { classId: room.id, title: 'x', content: 'y' }, 'snapshotId=999999')).body.code).toBe('SNAPSHOT_004');
    expect((await update(peer, { classId: room.id, title: 'x', content: 'y' })).body.code).toBe('SNAPSHOT_005');
    const ok = await update(client, { classId: room.id, title: '새 제목', content: '새 내용', language: 'PYTHON' });
    expect(ok.body).toEqual({ success: true, status: 200, code: 'SNAPSHOT_001', message: '스냅샷이 성공적으로 수정되었습니다' });
    expect(await repo.findById(id)).toMatchObject({ title: '새 제목', content: '새 내용', language: 'JAVA' });
    const del = (who: HttpClient, q: string) => who.json('POST', `/api/snapshot/delete?${q}`, { raw: 'null', headers: { 'content-type': 'application/json' } });
    expect((await del(peer, `classId=${room.id}&snapshotId=${id}`)).body.code).toBe('SNAPSHOT_004');
    expect((await del(client, `snapshotId=${id}`)).body.code).toBe('GLOBAL_411');
    expect((await del(client, `classId=${room.id}&snapshotId=${id}`)).body.code).toBe('SNAPSHOT_002');
    expect((await del(client, `classId=${room.id}&snapshotId=${id}`)).body.code).toBe('SNAPSHOT_004');
  });
});
