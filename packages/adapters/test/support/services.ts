import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/postgres/database';
import { silentLogger } from '../../src/system/logger';
import { IN_CI, POSTGRES_ADMIN_URL, REDIS_URL } from './service-urls';

/** True when a real Postgres server is available to this test run. */
export const HAS_POSTGRES = IN_CI || process.env.SOOSCODE_TEST_PG === '1';
/** True when Redis is available; outside CI, Redis suites are skipped (`describe.skipIf(!HAS_REDIS)`). */
export const HAS_REDIS = IN_CI || process.env.SOOSCODE_TEST_REDIS === '1';

/** A fresh, empty database for one suite, and how to drop it. */
export interface TestDatabase {
  /** Connection URL (a real Postgres database, or the embedded engine's loopback socket). */
  readonly url: string | undefined;
  readonly kind: 'postgres' | 'pglite';
  /** Drops the database / removes the embedded engine's files. */
  drop(): Promise<void>;
}

/**
 * Creates a uniquely named database on the test Postgres server (or, outside CI without Postgres,
 * or when `embedded` is set, returns a PGlite directory). Pass the URL as DATABASE_URL or to `openTestDatabase`.
 */
export async function createTestDatabase(embedded = false): Promise<TestDatabase & { pgliteDir?: string }> {
  if (!HAS_POSTGRES || embedded) {
    const dir = await mkdtemp(join(tmpdir(), 'sooscode-pglite-'));
    return { url: undefined, kind: 'pglite', pgliteDir: dir, drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const name = `sooscode_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: 'postgres',
    async drop() {
      const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Opens (and migrates) a fresh test database; `close` also drops it. */
export async function openTestDatabase(): Promise<{ database: Database; close(): Promise<void> }> {
  const target = await createTestDatabase();
  const database = await openDatabase(target.url ? { url: target.url } : { pgliteDir: target.pgliteDir! }, silentLogger);
  return {
    database,
    async close() {
      await database.close();
      await target.drop();
    },
  };
}

/**
 * A Redis connection plus a key prefix unique to this test; `close` deletes the prefix's keys.
 * The connection (and every `duplicate()` of it, which copies the options) is named
 * `connectionName` with CLIENT SETNAME, so a test can find its own connections in CLIENT LIST
 * among those of other tests and processes sharing the server.
 */
export async function openTestRedis(): Promise<{ redis: Redis; prefix: string; connectionName: string; close(): Promise<void> }> {
  const unique = `${Date.now()}-${randomBytes(4).toString('hex')}`;
  const connectionName = `sooscode-test-${unique}`;
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, connectionName });
  await redis.connect();
  const prefix = `sooscode-test:${unique.replace('-', ':')}:`;
  return {
    redis,
    prefix,
    connectionName,
    async close() {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    },
  };
}
