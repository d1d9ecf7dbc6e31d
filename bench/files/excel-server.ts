// The API as its own process (packages/server/src/main.ts through tsx) on a fresh PostgreSQL database
// (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432) for the Excel sections of bench:files,
// with the production password hasher (argon2id, default cost) and an admin session. Running it apart
// keeps the bench's own work (building and reading workbooks) out of the server's memory figures.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, spawnServer, stop } from '../http/processes';

/** A running API process, the admin's cookie header, and `stop`. */
export interface ExcelBenchServer {
  readonly url: string;
  readonly databaseUrl: string;
  readonly cookie: string;
  /** Resident set size of the API process, in bytes (Linux /proc). */
  rss(): number;
  stop(): Promise<void>;
}

const PG_ADMIN = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function startExcelBenchServer(): Promise<ExcelBenchServer> {
  const name = `sooscode_bench_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const databaseUrl = new URL(PG_ADMIN);
  databaseUrl.pathname = `/${name}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'sooscode-bench-excel-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  try {
    child = await spawnServer('packages/server/src/main.ts', {
      HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', SEED_DEMO_DATA: 'false', LIVEKIT_URL: '', REDIS_URL: '',
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123456789', BOOTSTRAP_ADMIN_EMAIL: 'admin@bench.local', BOOTSTRAP_ADMIN_PASSWORD: 'Admin1234!',
      DATABASE_URL: databaseUrl.toString(),
    }, async () => (await fetch(`${url}/readyz`)).ok);
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@bench.local', password: 'Admin1234!' }) });
    if (login.status !== 200) throw new Error(`admin login failed: ${login.status}`);
    const cookie = login.headers.getSetCookie().map((c) => c.slice(0, c.indexOf(';'))).join('; ');
    const pid = child.pid!;
    const api = child;
    return {
      url,
      databaseUrl: databaseUrl.toString(),
      cookie,
      rss: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) * 1024,
      async stop() {
        await stop(api);
        await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    if (child) await stop(child);
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await rm(dataDir, { recursive: true, force: true });
    throw e;
  }
}
