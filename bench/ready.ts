// bench:ready — time from process start to the first /readyz 200, and idle RSS, for the compiled build
// (`node packages/server/dist/main.js`) against the tsx start (`node --import tsx packages/server/src/main.ts`),
// measured back to back in the same run, on the embedded profile (PGlite in a DATA_DIR) and on Postgres + Redis.
// Each start after the first one reuses the data (a restart: migrated database, seeded accounts).
// Usage: pnpm bench:ready [-- --runs 3 --idle 5]
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './http/processes';

const argv = process.argv.slice(2).filter((a) => a !== '--');
const args = new Map<string, string>();
for (let i = 0; i < argv.length; i += 2) args.set(argv[i]!.replace(/^--/, ''), argv[i + 1] ?? '');
const RUNS = Number(args.get('runs') ?? 3);
const IDLE_S = Number(args.get('idle') ?? 5);
const PG_ADMIN = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const STARTS = {
  compiled: ['packages/server/dist/main.js'],
  tsx: ['--import', 'tsx', 'packages/server/src/main.ts'],
} as const;
type Start = keyof typeof STARTS;

/** Resident set size of a process, in MiB (Linux /proc). */
function rssMiB(pid: number): number {
  const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kib) / 1024;
}

/** Starts the API, returns the milliseconds until /readyz answered 200 and the RSS after IDLE_S idle seconds. */
async function once(start: Start, env: Record<string, string>): Promise<{ readyMs: number; rss: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...STARTS[start]], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${start} exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const readyMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, IDLE_S * 1000));
    return { readyMs, rss: rssMiB(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function profile(name: string, env: Record<string, string>, rows: string[]): Promise<void> {
  const results: Record<Start, { readyMs: number[]; rss: number[] }> = { compiled: { readyMs: [], rss: [] }, tsx: { readyMs: [], rss: [] } };
  // first start of each: creates the schema and seeds; not counted
  for (const start of ['compiled', 'tsx'] as const) await once(start, env);
  for (let i = 0; i < RUNS; i++) {
    for (const start of ['compiled', 'tsx'] as const) {
      const r = await once(start, env);
      results[start].readyMs.push(r.readyMs);
      results[start].rss.push(r.rss);
      process.stderr.write(`${name} ${start} run ${i + 1}: ready ${r.readyMs.toFixed(0)} ms, idle RSS ${r.rss.toFixed(1)} MiB\n`);
    }
  }
  const c = results.compiled;
  const t = results.tsx;
  rows.push(`| ${name} | ${(median(c.readyMs) / 1000).toFixed(2)} s | ${(median(t.readyMs) / 1000).toFixed(2)} s | ${(median(c.readyMs) / median(t.readyMs)).toFixed(2)} | ${median(c.rss).toFixed(1)} MiB | ${median(t.rss).toFixed(1)} MiB | ${(median(c.rss) / median(t.rss)).toFixed(2)} |`);
}

async function main(): Promise<void> {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const rows: string[] = [];
  const dataDir = await mkdtemp(join(tmpdir(), 'sooscode-bench-ready-'));
  try {
    await profile('embedded (PGlite)', { DATA_DIR: dataDir }, rows);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  const db = `bench_ready_${Date.now()}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${db}`);
  const url = new URL(PG_ADMIN);
  url.pathname = `/${db}`;
  const emptyDir = await mkdtemp(join(tmpdir(), 'sooscode-bench-ready-'));
  try {
    await profile('postgres+redis', { DATA_DIR: emptyDir, DATABASE_URL: url.toString(), REDIS_URL: REDIS, REDIS_KEY_PREFIX: `bench-ready:${Date.now()}:` }, rows);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await admin.end();
    await rm(emptyDir, { recursive: true, force: true });
  }
  process.stdout.write(
    [`\nmedian of ${RUNS} restarts each, RSS after ${IDLE_S} s idle`, '| profile | ready, compiled | ready, tsx | ratio | idle RSS, compiled | idle RSS, tsx | ratio |', '|---|---|---|---|---|---|---|', ...rows, ''].join('\n'),
  );
}

await main();
