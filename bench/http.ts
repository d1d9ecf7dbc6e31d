// bench:http — requests/s of authenticated API routes against a bare Koa route served the same way, measured
// in the same run, on the embedded profile (PGlite + in-process state) and on Postgres + Redis when reachable.
// The API runs from the compiled build (built first) unless `--entry tsx`.
// Usage: pnpm bench:http [-- --duration 8 --connections 50 --entry dist|tsx]
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort, spawnServer, stop } from './http/processes';

const argv = process.argv.slice(2).filter((a) => a !== '--');
const args = new Map<string, string>();
for (let i = 0; i < argv.length; i += 2) args.set(argv[i]!.replace(/^--/, ''), argv[i + 1] ?? '');
const DURATION_S = Number(args.get('duration') ?? 8);
const CONNECTIONS = Number(args.get('connections') ?? 50);
const PG_ADMIN = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ENTRY = args.get('entry') === 'tsx' ? 'packages/server/src/main.ts' : 'packages/server/dist/main.js';

interface Target {
  readonly name: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
}

async function measure(baseUrl: string, target: Target): Promise<number> {
  const result = await autocannon({ url: baseUrl + target.path, connections: CONNECTIONS, duration: DURATION_S, headers: target.headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${target.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('accessToken='))!;
  return cookie.split(';')[0]!;
}

async function classIdFor(baseUrl: string, cookie: string): Promise<number | undefined> {
  const res = await fetch(`${baseUrl}/api/mypage/classes?page=0&size=1`, { headers: { cookie } });
  if (res.status !== 200) return undefined;
  const body = (await res.json()) as { data?: { content?: { classId: number }[] } };
  return body.data?.content?.[0]?.classId;
}

async function profile(name: string, env: Record<string, string>, bareUrl: string, rows: string[][]): Promise<void> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const api = await spawnServer(ENTRY, { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO_DATA: 'true' }, async () => (await fetch(`${baseUrl}/readyz`)).ok);
  try {
    const cookie = await login(baseUrl, 'student1@sooscode.local', 'Student1!');
    const targets: Target[] = [{ name: 'GET /api/me', path: '/api/me', headers: { cookie } }];
    const classId = await classIdFor(baseUrl, cookie);
    if (classId !== undefined) {
      const instructor = await login(baseUrl, 'instructor@sooscode.local', 'Instructor1!');
      targets.push({ name: `GET /api/class/{id} (entry gate)`, path: `/api/class/${classId}`, headers: { cookie } });
      targets.push({ name: 'GET /api/mypage/classes', path: '/api/mypage/classes?page=0&size=10', headers: { cookie: instructor } });
    }
    for (const t of targets) {
      const bare = await measure(bareUrl, { name: 'bare', path: '/bare' });
      const ours = await measure(baseUrl, t);
      rows.push([name, t.name, ours.toFixed(0), bare.toFixed(0), (ours / bare).toFixed(2)]);
      process.stdout.write(`${name}: ${t.name} ${ours.toFixed(0)} req/s vs bare ${bare.toFixed(0)} req/s = ${(ours / bare).toFixed(2)}x\n`);
    }
  } finally {
    await stop(api);
  }
}

async function postgresAvailable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 1000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  if (ENTRY.endsWith('.js')) execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  process.stdout.write(`API entry: ${ENTRY}\n`);
  const barePort = await freePort();
  const bare = await spawnServer('bench/http/bare-koa-server.ts', { PORT: String(barePort) }, async () => (await fetch(`http://127.0.0.1:${barePort}/bare`)).ok);
  const bareUrl = `http://127.0.0.1:${barePort}`;
  const rows: string[][] = [];
  const dataDir = await mkdtemp(join(tmpdir(), 'sooscode-bench-'));
  try {
    await profile('embedded', { DATA_DIR: dataDir }, bareUrl, rows);
    if (await postgresAvailable()) {
      const db = `sooscode_bench_${Date.now()}`;
      const admin = new pg.Client({ connectionString: PG_ADMIN });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${db}`);
      const url = new URL(PG_ADMIN);
      url.pathname = `/${db}`;
      try {
        await profile('postgres+redis', {
          DATA_DIR: dataDir, DATABASE_URL: url.toString(), REDIS_URL: REDIS, REDIS_KEY_PREFIX: `bench:${Date.now()}:`,
          BOOTSTRAP_ADMIN_EMAIL: 'admin@bench.local', BOOTSTRAP_ADMIN_PASSWORD: 'Admin1234!',
        }, bareUrl, rows);
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
        await admin.end();
      }
    } else {
      process.stdout.write('postgres+redis: Postgres not reachable, profile skipped\n');
    }
  } finally {
    await stop(bare);
    await rm(dataDir, { recursive: true, force: true });
  }
  process.stdout.write(`\n${CONNECTIONS} connections, ${DURATION_S} s per measurement, bare route re-measured before each target\n\n`);
  process.stdout.write('| profile | route | req/s | bare Koa req/s | ratio |\n|---|---|---|---|---|\n');
  for (const r of rows) process.stdout.write(`| ${r.join(' | ')} |\n`);
}

void main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
