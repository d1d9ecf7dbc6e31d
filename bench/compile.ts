// bench:compile — orchestration overhead of POST /api/compile/run and memory of pending jobs.
//
// Overhead = latency of a run through the API with an instant fake worker (it answers the dispatch
// and calls back at once) minus the latency of the fake worker's own round trip (a dispatch sent
// straight to it, same payload, same concurrency, callbacks going to a sink), both measured in
// this run. Every virtual user has its own account and access token (COMPILE_COOLDOWN_S=0; one job
// in flight per user). The API runs in this process; the fake worker and the load generator run in
// child processes. Memory: heap held by 10 000 jobs pending at once (node --expose-gc child).
//
// Sandbox: hello-world latency of the local runner per language under bwrap and unshare against no
// isolation, interleaved in the same run (bench/compile/sandbox-cost.ts).
//
// Usage: npx tsx bench/compile.ts [--concurrency 200 --rounds 20 --levels 1,10,200 --sandbox-runs 30]
//        npx tsx bench/compile.ts --only sandbox      (the sandbox part alone)
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { silentLogger } from '../packages/adapters/src/system/logger';
import type { SessionIssuer, UserRepository } from '../packages/domain/src/index';
import { UserMother } from '../packages/domain/src/testing/user-mother';
import { startApiServer } from '../packages/server/src/api-server';
import { loadConfig } from '../packages/server/src/config/load-config';
import { TOKENS } from '../packages/server/src/tokens';
import { freePort } from './http/processes';
import type { LoadReply, LoadResult, LoadSpec, WorkerReply } from './compile/protocol';
import { sandboxCost } from './compile/sandbox-cost';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const LEVELS = (args.get('levels') ?? `1,10,${args.get('concurrency') ?? 200}`).split(',').map(Number);
const ROUNDS = Number(args.get('rounds') ?? 20);
/** Low concurrency levels send more rounds, so every level has at least this many samples. */
const MIN_SAMPLES = Number(args.get('samples') ?? 2000);
const PG_ADMIN = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SOURCE = Buffer.from('public class Main { public static void main(String[] a) { System.out.println("Hello, SoosCode"); } }').toString('base64');
const here = (file: string) => new URL(`./compile/${file}`, import.meta.url).pathname;

function child<T>(script: string, execArgv: string[] = []): Promise<{ proc: ChildProcess; ready: T }> {
  const proc = fork(here(script), [], { execArgv: ['--import', 'tsx', ...execArgv], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    proc.once('message', (m) => resolve({ proc, ready: m as T }));
    proc.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

function load(proc: ChildProcess, spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve) => {
    proc.once('message', (m: LoadReply) => m.type === 'result' && resolve(m.result));
    proc.send({ type: 'run', spec });
  });
}

async function postgresDatabase(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const admin = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 1000 });
  try {
    await admin.connect();
  } catch {
    return undefined;
  }
  const name = `sooscode_bench_compile_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

function memory(): Promise<{ jobs: number; pendingJobsMiB: number; runCodeWaitMiB: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', here('pending-memory.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    proc.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim()) as never) : reject(new Error(`memory bench exited with ${code}`))));
  });
}

const SANDBOX_RUNS = Number(args.get('sandbox-runs') ?? 30);

/** The local runner's sandbox cost, printed as a table. */
async function sandbox(): Promise<void> {
  const loadAtStart = loadavg()[0]!;
  const table = await sandboxCost(SANDBOX_RUNS);
  process.stdout.write(`\nLocal runner sandbox cost (hello world, ${SANDBOX_RUNS} runs per language and isolation, Java a third, interleaved; load average ${loadAtStart.toFixed(1)} at start on ${cpus().length} CPUs)\n\n${table}\n`);
  process.stdout.write('\nadded = p50 under the sandbox − p50 with no isolation (same runner, limits and uid), in the same run.\n');
}

async function main(): Promise<void> {
  if (args.get('only') === 'sandbox') return sandbox();
  await orchestration();
  await sandbox();
}

async function orchestration(): Promise<void> {
  const loadAtStart = loadavg()[0]!;
  const maxUsers = Math.max(...LEVELS);
  const worker = await child<WorkerReply>('instant-worker-process.ts');
  const loader = await child<LoadReply>('load-process.ts');
  if (loader.ready.type !== 'ready') throw new Error('load process not ready');
  const sinkUrl = loader.ready.sinkUrl;
  const dataDir = await mkdtemp(join(tmpdir(), 'sooscode-bench-compile-'));
  const db = await postgresDatabase();
  const port = await freePort();
  const env: Record<string, string> = {
    HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'false',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123456789',
    BOOTSTRAP_ADMIN_EMAIL: 'admin@bench.local', BOOTSTRAP_ADMIN_PASSWORD: 'Admin1234!',
    COMPILE_WORKER_URL: worker.ready.url, COMPILE_CALLBACK_BASE_URL: `http://127.0.0.1:${port}`,
    COMPILE_CALLBACK_SECRET: 'bench-callback-secret-bench-callback-secret', COMPILE_COOLDOWN_S: '0', COMPILE_MAX_PENDING: '10000',
    // Latency is measured, not the 504 cut-off: a saturated machine would otherwise turn the tail into timeouts.
    COMPILE_DEADLINE_MS: '60000', COMPILE_DISPATCH_TIMEOUT_MS: '10000',
    ...(db ? { DATABASE_URL: db.url } : {}),
  };
  const api = await startApiServer(loadConfig(env), env, { logger: silentLogger });
  const rows: string[][] = [];
  try {
    const users = api.container.get<UserRepository>(TOKENS.UserRepository);
    const sessions = api.container.get<SessionIssuer>(TOKENS.SessionIssuer);
    const apiUsers: LoadSpec['users'][number][] = [];
    for (let i = 0; i < maxUsers; i++) {
      const session = await sessions.start(await users.create(UserMother.student({ email: `bench${i}@bench.local` })));
      apiUsers.push({ headers: { authorization: `Bearer ${session.accessToken}` }, body: JSON.stringify({ code: SOURCE }) });
    }
    const workerUsers = apiUsers.map((_, i) => ({
      headers: {},
      body: JSON.stringify({ jobId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, code: 'public class Main {}', callbackUrl: `${sinkUrl}?token=${'x'.repeat(43)}`, language: 'java' }),
    }));
    const apiRun = `${api.url}/api/compile/run`;
    const workerRun = `${worker.ready.url}/api/compile/run`;
    await load(loader.proc, { url: workerRun, users: workerUsers.slice(0, 50), requestsPerUser: 20 }); // warm-up
    await load(loader.proc, { url: apiRun, users: apiUsers.slice(0, 50), requestsPerUser: 20 });
    /** A measurement plus the CPU this process (the API) spent on it, µs per request. */
    const measured = async (spec: LoadSpec) => {
      const before = process.cpuUsage();
      const result = await load(loader.proc, spec);
      const cpu = process.cpuUsage(before);
      return { ...result, cpuUs: (cpu.user + cpu.system) / result.count };
    };
    for (const c of LEVELS) {
      const perUser = Math.max(ROUNDS, Math.ceil(MIN_SAMPLES / c));
      // Warm-up at this concurrency: every connection (load → API, API → worker, worker → API) is opened before measuring.
      await load(loader.proc, { url: workerRun, users: workerUsers.slice(0, c), requestsPerUser: 3 });
      await load(loader.proc, { url: apiRun, users: apiUsers.slice(0, c), requestsPerUser: 3 });
      const alone = await load(loader.proc, { url: workerRun, users: workerUsers.slice(0, c), requestsPerUser: perUser });
      const through = await measured({ url: apiRun, users: apiUsers.slice(0, c), requestsPerUser: perUser });
      const me = await measured({ url: `${api.url}/api/me`, method: 'GET', users: apiUsers.slice(0, c), requestsPerUser: perUser });
      const row = [
        String(c), String(through.count), alone.p50Ms.toFixed(2), through.p50Ms.toFixed(2), (through.p50Ms - alone.p50Ms).toFixed(2),
        alone.p99Ms.toFixed(2), through.p99Ms.toFixed(2), (through.p99Ms - alone.p99Ms).toFixed(2), (through.count / through.seconds).toFixed(0), me.p50Ms.toFixed(2), through.cpuUs.toFixed(0), me.cpuUs.toFixed(0), String(through.failures + alone.failures),
      ];
      rows.push(row);
      process.stdout.write(`concurrency ${c}: api p50 ${row[3]} ms, worker p50 ${row[2]} ms, overhead p50 ${row[4]} ms, p99 ${row[7]} ms\n`);
    }
  } finally {
    await api.close();
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
    loader.proc.send({ type: 'stop' });
    worker.proc.kill();
  }
  const mem = await memory();
  const out = process.stdout;
  out.write(`\nnpx tsx bench/compile.ts  (database: ${db ? 'postgres' : 'pglite'}, in-process job state, at least ${ROUNDS} runs per virtual user and ${MIN_SAMPLES} per level, distinct users, load average ${loadAtStart.toFixed(1)} at start on ${cpus().length} CPUs)\n\n`);
  out.write('| concurrency | runs | worker alone p50 ms | API run p50 ms | overhead p50 ms | worker alone p99 ms | API run p99 ms | overhead p99 ms | API runs/s | GET /api/me p50 ms | API CPU µs/run | API CPU µs per GET /api/me | non-200 |\n');
  out.write('|---|---|---|---|---|---|---|---|---|---|---|---|---|\n');
  for (const r of rows) out.write(`| ${r.join(' | ')} |\n`);
  out.write(`\n| jobs pending at once | PendingCompileJobs (in-memory) heap | whole RunCode wait heap | target |\n|---|---|---|---|\n`);
  out.write(`| ${mem.jobs} | ${mem.pendingJobsMiB.toFixed(1)} MiB | ${mem.runCodeWaitMiB.toFixed(1)} MiB | < 50 MiB |\n`);
  out.write('\nOverhead = API run latency − fake worker round trip at the same percentile (target p50 < 3 ms).\nGET /api/me (authentication + one user lookup, same users and concurrency) is the floor of any authenticated request.\nAPI CPU = CPU time of the API process (this process) per request during that measurement: load-independent.\n');
}

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);
