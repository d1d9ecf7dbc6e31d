// Upload throughput: a 10 MiB file written with plain `fs` (the baseline, same run), through each
// FileStorage adapter (local disk, S3 on s3rver), and end to end through POST /api/mypage/files/upload
// (multipart parsing, magic-byte check, streaming to local disk, the database rows).
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { LocalDiskFileStorage } from '../../packages/adapters/src/storage/local-disk-file-storage';
import { S3FileStorage } from '../../packages/adapters/src/storage/s3-file-storage';
import { SignedFileUrls } from '../../packages/adapters/src/storage/signed-file-urls';
import { SystemClock } from '../../packages/adapters/src/system/system-clock';
import { silentLogger } from '../../packages/adapters/src/system/logger';
import type { ClassroomRepository, SessionIssuer, UserRepository } from '../../packages/domain/src/index';
import { ClassroomMother } from '../../packages/domain/src/testing/classroom-mother';
import { UserMother } from '../../packages/domain/src/testing/user-mother';
import { startApiServer } from '../../packages/server/src/api-server';
import { loadConfig } from '../../packages/server/src/config/load-config';
import { TOKENS } from '../../packages/server/src/tokens';
import { startS3Server } from '../../packages/adapters/test/storage/s3rver-process';

const MiB = 1024 * 1024;
const SIZE = 10 * MiB;
const CHUNK = 64 * 1024;

/** A 10 MiB PDF-looking body in 64 KiB chunks (what a socket delivers). */
function* chunks(): Iterable<Buffer> {
  const first = Buffer.alloc(CHUNK, 0x20);
  first.write('%PDF-1.4\n');
  yield first;
  const rest = Buffer.alloc(CHUNK, 0x20);
  for (let sent = CHUNK; sent < SIZE; sent += CHUNK) yield rest;
}

async function timed(runs: number, once: (i: number) => Promise<void>): Promise<number> {
  await once(-1); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await once(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!; // median ms
}

/** Measures each path `runs` times (median); returns the markdown table. */
export async function uploadThroughput(runs: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sooscode-bench-files-'));
  const s3 = await startS3Server('sooscode-bench');
  const clock = new SystemClock();
  const secret = new TextEncoder().encode('bench-secret-bench-secret-bench-secret-0123456789');
  const local = new LocalDiskFileStorage(join(dir, 'local'), new SignedFileUrls(secret, 'http://localhost'), clock);
  const bucket = new S3FileStorage({ endpoint: s3.endpoint, bucket: s3.bucket, region: 'us-east-1', forcePathStyle: true, credentials: s3.credentials });
  const env: Record<string, string> = {
    HOST: '127.0.0.1', PORT: '0', DATA_DIR: join(dir, 'api'), LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'false',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123456789', BOOTSTRAP_ADMIN_EMAIL: 'admin@bench.local', BOOTSTRAP_ADMIN_PASSWORD: 'Admin1234!',
  };
  const api = await startApiServer(loadConfig(env), env, { logger: silentLogger });
  try {
    const users = api.container.get<UserRepository>(TOKENS.UserRepository);
    const instructor = await users.create(UserMother.instructor());
    const room = await api.container.get<ClassroomRepository>(TOKENS.ClassroomRepository).create(ClassroomMother.build(instructor.id));
    const token = (await api.container.get<SessionIssuer>(TOKENS.SessionIssuer).start(instructor)).accessToken;
    const body = new Blob([...chunks()]);
    const rows: [string, number][] = [];
    rows.push(['`fs` write stream (baseline)', await timed(runs, async (i) => {
      const path = join(dir, `plain-${i + 1}`);
      await pipeline(Readable.from(chunks()), createWriteStream(path));
      await unlink(path);
    })]);
    rows.push(['`LocalDiskFileStorage.put`', await timed(runs, async (i) => {
      await local.put(`bench/r${i + 1}.pdf`, Readable.from(chunks()), 'application/pdf');
      await local.delete(`bench/r${i + 1}.pdf`);
    })]);
    rows.push(['`S3FileStorage.put` (s3rver)', await timed(runs, async (i) => {
      await bucket.put(`bench/r${i + 1}.pdf`, Readable.from(chunks()), 'application/pdf');
      await bucket.delete(`bench/r${i + 1}.pdf`);
    })]);
    rows.push(['`POST /api/mypage/files/upload` (local disk)', await timed(runs, async () => {
      const form = new FormData();
      form.append('classId', String(room.id));
      form.append('lectureDate', '2025-12-01');
      form.append('files', body, 'bench.pdf');
      const res = await fetch(`${api.url}/api/mypage/files/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      if (res.status !== 200) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
    })]);
    const base = rows[0]![1];
    const lines = ['| path | median ms | MiB/s | time vs `fs` |', '|---|---|---|---|'];
    for (const [label, ms] of rows) lines.push(`| ${label} | ${ms.toFixed(1)} | ${(SIZE / MiB / (ms / 1000)).toFixed(0)} | ${(ms / base).toFixed(2)}x |`);
    return lines.join('\n');
  } finally {
    await api.close();
    bucket.close();
    await s3.close();
    await rm(dir, { recursive: true, force: true });
  }
}
