import { readdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SignedFileUrls } from '@sooscode/adapters/storage/signed-file-urls';
import { actorWorld, startClassroomFixture, type ActorWorld, type ClassroomFixture } from '../classroom/classroom-fixture';
import { PDF, PNG, sendForm, storedObjects, type Part } from './file-fixtures';

interface Item {
  classroomFileId: number;
  fileId: number;
  fileName: string;
  fileUrl: string;
  uploadedBy: string;
  createdAt: string;
}

describe('lecture materials (http.md §12) on local disk storage', () => {
  let f: ClassroomFixture;
  let w: ActorWorld;
  let filesDir: string;
  const form = (extra: Part[], classId: number | string = w.classRoom.id, lectureDate = '2025-12-01'): Part[] => [
    ['classId', String(classId)],
    ['lectureDate', lectureDate],
    ...extra,
  ];
  const upload = (actor: keyof ActorWorld['clients'], parts: Part[]) => sendForm(w.clients[actor], 'POST', '/api/mypage/files/upload', parts);
  const list = async (query = '') => (await w.clients.student.json('GET', `/api/mypage/${w.classRoom.id}/files${query}`)).body.data as { content: Item[]; totalElements: number };

  beforeAll(async () => {
    f = await startClassroomFixture();
    w = await actorWorld(f);
    filesDir = join(f.server.settings.dataDir, 'files');
  });
  afterAll(async () => {
    await f?.stop();
  });

  it('stores the files of staff(c), answers their items, and serves each through its short-lived URL', async () => {
    const r = await upload('instructor', form([['files', PDF, '1주차 자료.pdf'], ['files', PNG, 'board.png']]));
    expect([r.status, r.body.code]).toEqual([200, 'GLOBAL_000']);
    const items = r.body.data as Item[];
    expect(items.map((i) => [i.fileName, i.uploadedBy])).toEqual([['1주차 자료.pdf', '이강사'], ['board.png', '이강사']]);
    expect(items[0]!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
    expect(items[0]!.fileUrl).not.toContain(filesDir);
    const res = await fetch(items[0]!.fileUrl);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="1__ __.pdf"; filename*=UTF-8''${encodeURIComponent('1주차 자료.pdf')}`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const admin = await sendForm(f.admin, 'POST', '/api/mypage/files/upload', form([['files', Buffer.from('notes'), 'notes.txt']], w.classRoom.id, '2025-12-08'));
    expect(admin.status).toBe(200);
  });

  it('lists a class\'s files for member(c) and admins, newest first, and by lecture date', async () => {
    const all = await list();
    expect(all.totalElements).toBe(3);
    expect(all.content[0]!.fileName).toBe('notes.txt');
    const byDate = (await w.clients.instructor.json('GET', `/api/mypage/${w.classRoom.id}/files/by-date?lectureDate=2025-12-01&size=1`)).body.data as { content: Item[]; totalElements: number };
    expect([byDate.totalElements, byDate.content.length]).toEqual([2, 1]);
    expect((await w.clients.outsider.json('GET', `/api/mypage/${w.classRoom.id}/files`)).body.code).toBe('CLASS_002');
    expect((await f.admin.json('GET', `/api/mypage/${w.classRoom.id}/files`)).status).toBe(200);
    expect((await w.clients.student.json('GET', `/api/mypage/${w.classRoom.id}/files/by-date`)).body.code).toBe('FILE_018');
    expect((await w.clients.student.json('GET', `/api/mypage/${w.classRoom.id}/files/by-date?lectureDate=2025-13-01`)).body.code).toBe('FILE_019');
  });

  it('refuses each bad upload with its code, and keeps no object and no record of it', async () => {
    const before = (await storedObjects(filesDir)).length;
    const total = (await list()).totalElements;
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
    const cases: [string, 'instructor' | 'student' | 'outsider', Part[], number, string][] = [
      ['a student (staff(c) only)', 'student', form([['files', PDF, 'a.pdf']]), 403, 'CLASS_012'],
      ['a non-member', 'outsider', form([['files', PDF, 'a.pdf']]), 403, 'CLASS_002'],
      ['a student, fields after the file', 'student', [['files', PDF, 'a.pdf'], ['classId', String(w.classRoom.id)], ['lectureDate', '2025-12-01']], 403, 'CLASS_012'],
      ['no classId', 'instructor', [['lectureDate', '2025-12-01'], ['files', PDF, 'a.pdf']], 400, 'FILE_020'],
      ['no lectureDate', 'instructor', [['classId', String(w.classRoom.id)], ['files', PDF, 'a.pdf']], 400, 'FILE_018'],
      ['a malformed lectureDate', 'instructor', form([['files', PDF, 'a.pdf']], w.classRoom.id, '2025/12/01'), 400, 'FILE_019'],
      ['no file', 'instructor', form([]), 400, 'FILE_013'],
      ['eleven files', 'instructor', form(Array.from({ length: 11 }, (_, i): Part => ['files', PDF, `${i}.pdf`])), 400, 'FILE_017'],
      ['a file over 10 MiB', 'instructor', form([['files', big, 'big.txt']]), 400, 'FILE_009'],
      ['a disallowed extension', 'instructor', form([['files', PDF, 'run.exe']]), 400, 'FILE_008'],
      ['an extension that lies about the bytes', 'instructor', form([['files', PNG, 'report.pdf']]), 400, 'FILE_008'],
      ['binary bytes named .txt', 'instructor', form([['files', PNG, 'notes.txt']]), 400, 'FILE_008'],
      ['an empty file', 'instructor', form([['files', Buffer.alloc(0), 'empty.pdf']]), 400, 'FILE_014'],
      ['a name that is only an extension', 'instructor', form([['files', PDF, '.pdf']]), 400, 'FILE_015'],
      ['a good file then a bad one', 'instructor', form([['files', PDF, 'ok.pdf'], ['files', PDF, 'bad.exe']]), 400, 'FILE_008'],
    ];
    for (const [label, actor, parts, status, code] of cases) {
      const r = await upload(actor, parts);
      expect({ label, status: r.status, code: r.body.code }).toEqual({ label, status, code });
    }
    const json = await w.clients.instructor.json('POST', '/api/mypage/files/upload', { body: { classId: w.classRoom.id } });
    expect([json.status, json.body.code]).toEqual([415, 'GLOBAL_415']);
    expect((await storedObjects(filesDir)).length).toBe(before);
    expect((await list()).totalElements).toBe(total);
  });

  it('takes a file of exactly 10 MiB (the limit is inclusive)', async () => {
    const exact = Buffer.alloc(10 * 1024 * 1024, 0x41);
    const r = await upload('instructor', form([['files', exact, 'exact.txt']], w.classRoom.id, '2025-12-02'));
    expect([r.status, r.body.code]).toEqual([200, 'GLOBAL_000']);
    const [item] = r.body.data as Item[];
    expect(Number((await fetch(item!.fileUrl)).headers.get('content-length'))).toBe(exact.length);
    expect((await w.clients.instructor.json('DELETE', '/api/mypage/files/batch', { body: { fileIds: [item!.classroomFileId] } })).body.code).toBe('GLOBAL_000');
  });

  it('leaves no object behind when the upload is cut off mid-stream', async () => {
    const before = (await storedObjects(filesDir)).length;
    const boundary = 'cutoffboundary';
    const head = [
      `--${boundary}\r\nContent-Disposition: form-data; name="classId"\r\n\r\n${w.classRoom.id}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="lectureDate"\r\n\r\n2025-12-01\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="cut.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ].join('');
    const url = new URL(f.server.url);
    const cookie = [...w.clients.instructor.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const socket = connect(Number(url.port), url.hostname);
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write(`POST /api/mypage/files/upload HTTP/1.1\r\nHost: ${url.host}\r\nCookie: ${cookie}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 5000000\r\n\r\n`);
    socket.write(head);
    socket.write(Buffer.concat([PDF, Buffer.alloc(512 * 1024, 0x20)]));
    await new Promise((r) => setTimeout(r, 200));
    socket.destroy();
    await vi.waitFor(async () => expect((await storedObjects(filesDir)).length).toBe(before), { timeout: 5000 });
    const partial = (await readdir(filesDir, { recursive: true })).filter((n) => n.includes('.part-'));
    expect(partial).toEqual([]);
  });

  it('deletes in a batch only what the caller may: the uploader, inst(c) or an admin; all or none', async () => {
    const mine = (await upload('instructor', form([['files', PDF, 'mine.pdf']]))).body.data as Item[];
    const id = mine[0]!.classroomFileId;
    const del = (actor: keyof ActorWorld['clients'], ids: unknown) => w.clients[actor].json('DELETE', '/api/mypage/files/batch', { body: { fileIds: ids } });
    expect((await del('student', [id])).body.code).toBe('FILE_010');
    expect((await del('otherInstructor', [id])).body.code).toBe('FILE_010');
    expect((await del('instructor', [id, 999_999])).body.code).toBe('FILE_001');
    for (const bad of [[], ['1'], [0], [1.5], 'x', Array.from({ length: 101 }, (_, i) => i + 1)]) expect((await del('instructor', bad)).body.code).toBe('GLOBAL_410');
    expect((await fetch(mine[0]!.fileUrl)).status).toBe(200);
    expect((await del('instructor', [id])).body.code).toBe('GLOBAL_000');
    const gone = await fetch(mine[0]!.fileUrl);
    expect([gone.status, ((await gone.json()) as { code: string }).code]).toEqual([404, 'FILE_001']);
    const theirs = (await upload('instructor', form([['files', PDF, 'theirs.pdf']]))).body.data as Item[];
    expect((await f.admin.json('DELETE', '/api/mypage/files/batch', { body: { fileIds: [theirs[0]!.classroomFileId] } })).body.code).toBe('GLOBAL_000');
  });

  it('refuses a tampered, expired or malformed file URL', async () => {
    const [item] = (await upload('instructor', form([['files', PDF, 'signed.pdf']]))).body.data as Item[];
    const url = new URL(item!.fileUrl);
    const variant = (change: (u: URL) => void) => {
      const u = new URL(url);
      change(u);
      return fetch(u);
    };
    const code = async (res: Response) => [res.status, ((await res.json()) as { code: string }).code];
    expect(await code(await variant((u) => u.searchParams.set('s', `${u.searchParams.get('s')!.slice(0, -2)}AA`)))).toEqual([403, 'FILE_010']);
    expect(await code(await variant((u) => u.searchParams.set('n', 'other.pdf')))).toEqual([403, 'FILE_010']);
    expect(await code(await variant((u) => u.searchParams.set('e', String(Number(u.searchParams.get('e')) + 300))))).toEqual([403, 'FILE_010']);
    expect(await code(await variant((u) => (u.pathname = u.pathname.replace(/\.pdf$/, '.png'))))).toEqual([403, 'FILE_010']);
    expect(await code(await variant((u) => u.searchParams.delete('s')))).toEqual([400, 'FILE_005']);
    // Correctly signed, but expired: signed with the server's key for an instant long past.
    const signer = new SignedFileUrls(new TextEncoder().encode('test-secret-test-secret-test-secret-0123456789'), f.server.url);
    const key = decodeURIComponent(url.pathname.slice('/api/files/'.length));
    const expired = signer.urlFor(key, { fileName: 'signed.pdf', disposition: 'attachment', expiresInS: 60 }, Date.now() - 3_600_000);
    expect(await code(await fetch(expired))).toEqual([403, 'FILE_010']);
    const fresh = signer.urlFor(key, { fileName: 'signed.pdf', disposition: 'attachment', expiresInS: 60 }, Date.now());
    expect((await fetch(fresh)).status).toBe(200);
  });
});
