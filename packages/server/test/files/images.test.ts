import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWorld, startClassroomFixture, type ActorWorld, type ClassroomFixture } from '../classroom/classroom-fixture';
import { PDF, PNG, sendForm, storedObjects } from './file-fixtures';

const DEFAULT_IMAGE = 'https://sooscode-s3file.s3.ap-northeast-2.amazonaws.com/profile.png';

/** Objects stored under one key prefix (`profile`, `thumbnail`). */
const objectCount = async (root: string, prefix: string) => (await storedObjects(join(root, prefix))).length;

describe('profile images and class thumbnails (http.md §12) on local disk storage', () => {
  let f: ClassroomFixture;
  let w: ActorWorld;
  let filesDir: string;
  const me = async () => ((await w.clients.student.json('GET', '/api/me')).body.data as { profileImage: string }).profileImage;

  beforeAll(async () => {
    f = await startClassroomFixture();
    w = await actorWorld(f);
    filesDir = join(f.server.settings.dataDir, 'files');
  });
  afterAll(async () => {
    await f?.stop();
  });

  it('sets, replaces and deletes the caller\'s profile image; /api/me follows it with a signed URL that serves it inline', async () => {
    expect(await me()).toBe(DEFAULT_IMAGE);
    expect((await sendForm(w.clients.student, 'POST', '/api/mypage/profile/image/update', [['photo', PNG, 'me.png']])).body.code).toBe('GLOBAL_000');
    const url = await me();
    expect(url).toMatch(/^http:\/\/localhost:\d+\/api\/files\/profile\/[0-9a-f-]+\.png\?/);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toMatch(/^inline; /);
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    // Replacing deletes the previous object.
    expect((await sendForm(w.clients.student, 'POST', '/api/mypage/profile/image/update', [['photo', PNG, 'again.png']])).status).toBe(200);
    expect(await objectCount(filesDir, 'profile')).toBe(1);
    expect((await fetch(url)).status).toBe(404);
    // The admin's class roster shows the same image.
    const roster = (await f.admin.json('GET', `/api/admin/classes/${w.classRoom.id}/students`)).body.data as { contents: { userId: number; profileImage: string }[] };
    expect(roster.contents.find((s) => s.userId === w.student.id)?.profileImage).toMatch(/\/api\/files\/profile\//);
    expect((await w.clients.student.json('POST', '/api/mypage/profile/image/delete')).body.code).toBe('GLOBAL_000');
    expect(await me()).toBe(DEFAULT_IMAGE);
    expect(await objectCount(filesDir, 'profile')).toBe(0);
  });

  it('changes nothing without a photo, and refuses what is not an image', async () => {
    expect((await sendForm(w.clients.student, 'POST', '/api/mypage/profile/image/update', [['other', 'x']])).body.code).toBe('GLOBAL_000');
    expect(await me()).toBe(DEFAULT_IMAGE);
    const refusals: [string, Uint8Array, string][] = [
      ['a PDF', PDF, 'me.pdf'],
      ['a PDF named .png', PDF, 'me.png'],
    ];
    for (const [label, bytes, name] of refusals) {
      const r = await sendForm(w.clients.student, 'POST', '/api/mypage/profile/image/update', [['photo', bytes, name]]);
      expect({ label, code: r.body.code }).toEqual({ label, code: 'FILE_008' });
    }
    const two = await sendForm(w.clients.student, 'POST', '/api/mypage/profile/image/update', [['photo', PNG, 'a.png'], ['photo', PNG, 'b.png']]);
    expect(two.body.code).toBe('FILE_017');
    expect(await objectCount(filesDir, 'profile')).toBe(0);
  });

  it('lets staff(c) set a class thumbnail, shown as a signed URL in my classes and the admin list; refuses others before reading', async () => {
    for (const [actor, code] of [['student', 'CLASS_012'], ['outsider', 'CLASS_002'], ['otherInstructor', 'CLASS_002']] as const) {
      const r = await sendForm(w.clients[actor], 'POST', `/api/mypage/classroom/${w.classRoom.id}/thumbnail`, [['thumbnail', PNG, 't.png']]);
      expect({ actor, code: r.body.code }).toEqual({ actor, code });
    }
    expect(await objectCount(filesDir, 'thumbnail')).toBe(0);
    expect((await sendForm(w.clients.instructor, 'POST', `/api/mypage/classroom/${w.classRoom.id}/thumbnail`, [['thumbnail', PNG, 't.png']])).body.code).toBe('GLOBAL_000');
    const mine = (await w.clients.student.json('GET', '/api/mypage/classes')).body.data as { content: { classId: number; thumbnailUrl: string | null }[] };
    const url = mine.content.find((c) => c.classId === w.classRoom.id)?.thumbnailUrl ?? '';
    expect((await fetch(url)).status).toBe(200);
    const detail = (await w.clients.student.json('GET', `/api/mypage/detail/${w.classRoom.id}`)).body.data as { thumbnailUrl: string };
    expect(detail.thumbnailUrl).toMatch(/\/api\/files\/thumbnail\//);
    const admin = (await f.admin.json('GET', `/api/admin/classes/${w.classRoom.id}`)).body.data as { thumbnail: string };
    expect(admin.thumbnail).toMatch(/\/api\/files\/thumbnail\//);
    expect((await sendForm(f.admin, 'POST', `/api/mypage/classroom/${w.classRoom.id}/thumbnail`, [['thumbnail', PNG, 'u.png']])).status).toBe(200);
    expect(await objectCount(filesDir, 'thumbnail')).toBe(1);
    const none = await sendForm(w.clients.instructor, 'POST', `/api/mypage/classroom/${w.classRoom.id}/thumbnail`, [['other', 'x']]);
    expect(none.body.code).toBe('FILE_013');
  });
});
