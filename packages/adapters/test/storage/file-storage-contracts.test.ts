import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { SystemClock } from '../../src/system/system-clock';
import { fileStorageContract } from '@sooscode/domain/testing';
import { createHttpApp } from '../../src/http/create-http-app';
import { OriginPolicy } from '../../src/http/origin-policy';
import { DownloadRoutes } from '../../src/http/routes/download-routes';
import type { FileRouteDeps } from '../../src/http/routes/file-route-deps';
import { LocalDiskFileStorage } from '../../src/storage/local-disk-file-storage';
import { S3FileStorage } from '../../src/storage/s3-file-storage';
import { SignedFileUrls } from '../../src/storage/signed-file-urls';
import { silentLogger } from '../../src/system/logger';
import { startS3Server, type S3Server } from './s3rver-process';

// Local disk: its presigned URLs point at the API's download route, served here by the real route.
let downloads: Server;
let baseUrl = '';
let current: LocalDiskFileStorage | undefined;
const clock = new SystemClock();
const secret = new TextEncoder().encode('contract-secret-contract-secret-0123456789');

beforeAll(async () => {
  const route = new DownloadRoutes({
    get storage() {
      return current!;
    },
    get urls() {
      return new SignedFileUrls(secret, baseUrl);
    },
    clock,
    download: 'stream',
  } as unknown as FileRouteDeps);
  const app = createHttpApp({ logger: silentLogger, originPolicy: new OriginPolicy([], undefined), modules: [route], trustProxy: false });
  downloads = createServer(app.callback());
  await new Promise<void>((resolve) => downloads.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(downloads.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => downloads?.close(resolve));
});

fileStorageContract('local disk', async () => {
  const root = await mkdtemp(join(tmpdir(), 'sooscode-files-'));
  current = new LocalDiskFileStorage(root, new SignedFileUrls(secret, baseUrl), clock);
  return { subject: current, now: () => clock.now(), advance: async () => undefined, teardown: () => rm(root, { recursive: true, force: true }) };
});

// S3: a real S3-protocol server (s3rver) on loopback, one per suite, a fresh key prefix per test.
let s3: S3Server;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => {
  await s3?.close();
});

fileStorageContract('S3 (s3rver)', async () => {
  const storage = new S3FileStorage({ endpoint: s3.endpoint, bucket: s3.bucket, region: 'us-east-1', forcePathStyle: true, credentials: s3.credentials });
  return { subject: storage, now: () => clock.now(), advance: async () => undefined, teardown: async () => storage.close() };
});
