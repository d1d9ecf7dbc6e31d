import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type S3Server } from '../../../adapters/test/storage/s3rver-process';
import { actorWorld, startClassroomFixture, type ActorWorld, type ClassroomFixture } from '../classroom/classroom-fixture';
import { PDF, PNG, sendForm } from './file-fixtures';

describe('files on S3 (S3_BUCKET set; a real S3-protocol server on loopback)', () => {
  let s3: S3Server;
  let f: ClassroomFixture;
  let w: ActorWorld;
  beforeAll(async () => {
    s3 = await startS3Server('sooscode-e2e');
    f = await startClassroomFixture({
      env: { S3_BUCKET: s3.bucket, S3_ENDPOINT: s3.endpoint, S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: 'true', S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' },
    });
    w = await actorWorld(f);
  });
  afterAll(async () => {
    await f?.stop();
    await s3?.close();
  });

  it('hands out presigned S3 URLs for lecture materials, and deleting the record deletes the object', async () => {
    const r = await sendForm(w.clients.instructor, 'POST', '/api/mypage/files/upload', [['classId', String(w.classRoom.id)], ['lectureDate', '2025-12-01'], ['files', PDF, 'slides.pdf']]);
    expect(r.body.code).toBe('GLOBAL_000');
    const [item] = r.body.data as { classroomFileId: number; fileUrl: string }[];
    expect(item!.fileUrl.startsWith(`${s3.endpoint}/${s3.bucket}/lecture/`)).toBe(true);
    expect(item!.fileUrl).toContain('X-Amz-Signature=');
    const res = await fetch(item!.fileUrl);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await w.clients.instructor.json('DELETE', '/api/mypage/files/batch', { body: { fileIds: [item!.classroomFileId] } })).body.code).toBe('GLOBAL_000');
    expect((await fetch(item!.fileUrl)).status).toBe(404);
  });

  it('serves a stored profile image through the API\'s signed URL as a redirect to a presigned S3 URL', async () => {
    expect((await sendForm(w.clients.student, 'POST', '/api/mypage/profile/image/update', [['photo', PNG, 'me.png']])).body.code).toBe('GLOBAL_000');
    const url = ((await w.clients.student.json('GET', '/api/me')).body.data as { profileImage: string }).profileImage;
    const hop = await fetch(url, { redirect: 'manual' });
    expect(hop.status).toBe(302);
    expect(hop.headers.get('location')).toContain(`${s3.endpoint}/${s3.bucket}/profile/`);
    const res = await fetch(url);
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
  });
});
