// Heap held by 10 000 jobs pending at once, run as: node --expose-gc --import tsx bench/compile/pending-memory.ts
// (a) the in-memory PendingCompileJobs alone (records + waiters);
// (b) the whole RunCode wait (validation done, admission slot, job record, waiter, deadline timer,
//     the awaiting promise chain) with a worker that accepts and never calls back.
import { ok, RunCode, type CompilePolicy, type CompileWorker } from '../../packages/domain/src/index';
import { InMemoryCompileAdmission, InMemoryPendingCompileJobs } from '../../packages/adapters/src/memory/index';
import { HmacCompileCallbacks } from '../../packages/adapters/src/compile-client/hmac-compile-callbacks';
import { NodeTimeouts } from '../../packages/adapters/src/compile-client/node-timeouts';
import { DEFAULT_BLACKLISTS } from '../../packages/adapters/src/compile-shared/default-blacklists';
import { NodeSecureRandom } from '../../packages/adapters/src/system/node-secure-random';
import { SystemClock } from '../../packages/adapters/src/system/system-clock';

const JOBS = Number(process.env.JOBS ?? 10_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

async function heap(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc!();
    await new Promise((r) => setImmediate(r));
  }
  return process.memoryUsage().heapUsed;
}

async function pendingJobsAlone(): Promise<number> {
  const clock = new SystemClock();
  const jobs = new InMemoryPendingCompileJobs(clock);
  const random = new NodeSecureRandom();
  const ids = Array.from({ length: JOBS }, () => random.uuid());
  const before = await heap();
  const watches = [];
  for (let i = 0; i < JOBS; i++) {
    watches.push(await jobs.open({ jobId: ids[i]!, userId: i + 1, language: 'java', createdAt: clock.now() }, { retentionS: 600, maxWaiting: JOBS }));
  }
  const after = await heap();
  if (jobs.waiting() !== JOBS || watches.length !== JOBS) throw new Error('not all jobs pending');
  for (const w of watches) w?.close();
  return after - before;
}

async function wholeRunCodeWait(): Promise<number> {
  const clock = new SystemClock();
  const policy: CompilePolicy = {
    languages: ['java'], maxChars: 1000, maxLines: 80, blacklists: DEFAULT_BLACKLISTS, cooldownS: 0, deadlineMs: 60_000,
    dispatchTimeoutMs: 1500, maxOutputChars: 20_000, jobRetentionS: 600, maxPending: JOBS,
  };
  const jobs = new InMemoryPendingCompileJobs(clock);
  let accepted = 0;
  const worker: CompileWorker = { dispatch: async () => (accepted++, ok()) };
  const runCode = new RunCode({
    policy, admission: new InMemoryCompileAdmission(clock), jobs, worker,
    callbacks: new HmacCompileCallbacks('bench-secret-bench-secret-bench-secret!!', 'http://127.0.0.1:8080'),
    timeouts: new NodeTimeouts(), clock, random: new NodeSecureRandom(),
  });
  const source = { kind: 'text', text: 'public class Main { public static void main(String[] a) { System.out.println("hi"); } }' } as const;
  const before = await heap();
  const running = [];
  for (let i = 0; i < JOBS; i++) running.push(runCode.execute({ userId: i + 1, source, language: 'java', arrivedAt: clock.now() }));
  while (accepted < JOBS) await new Promise((r) => setImmediate(r));
  const after = await heap();
  if (jobs.waiting() !== JOBS) throw new Error(`only ${jobs.waiting()} jobs pending`);
  void running;
  return after - before;
}

const MiB = 1024 * 1024;
const alone = await pendingJobsAlone();
const whole = await wholeRunCodeWait();
process.stdout.write(`${JSON.stringify({ jobs: JOBS, pendingJobsMiB: alone / MiB, runCodeWaitMiB: whole / MiB })}\n`);
process.exit(0);
