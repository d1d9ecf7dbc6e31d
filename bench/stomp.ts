// bench:stomp — fan-out throughput and latency of the STOMP engine against a bare `ws` broadcast
// server (the ceiling), measured in the same run, plus RSS per idle authenticated session.
// One class topic, one publisher, N subscribers (100 and 1000), 256-byte JSON messages; modes:
// `rate` (100 msg/s for 10 s) and `max` (as fast as a window of in-flight messages allows).
// Server and load generator run in separate processes, with a fresh server process per run; the
// max-mode runs alternate raw/STOMP and are repeated (the median counts), and the fixed-rate runs
// of both servers happen at the same time, so that background load on the machine hits both sides
// alike. The engine runs from the compiled build (built first), or from the sources through tsx with
// SOOSCODE_BENCH_BUILD=tsx. Usage: pnpm bench:stomp
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { LoadCommand, LoadReply, RunResult, RunSpec, ServerCommand, ServerKind, ServerReply } from './stomp/bench-protocol';

const HERE = fileURLToPath(new URL('./stomp/', import.meta.url));
const EXEC_ARGV = ['--import', 'tsx', '--expose-gc'];
const SIZES = [100, 1000];
const RATE = 100;
const RATE_MS = 10_000;
const MAX_MS = 3000;
const MAX_REPEATS = 3;
const WINDOW = 16;
const IDLE_SESSIONS = 5000;
const RABBIT_URL = 'ws://127.0.0.1:15674/ws';
const LABELS: Record<ServerKind, string> = { raw: 'raw ws', stomp: 'STOMP', rabbit: 'RabbitMQ' };

function spawn(file: string, args: string[] = []): ChildProcess {
  return fork(HERE + file, args, { execArgv: EXEC_ARGV, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

function ask<R>(child: ChildProcess, command: ServerCommand | LoadCommand | undefined, accept: (reply: R) => boolean): Promise<R> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: R): void => {
      if (!accept(reply)) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(reply);
    };
    const onExit = (code: number | null): void => reject(new Error(`child exited with ${code}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
    if (command) child.send(command);
  });
}

async function startServer(kind: ServerKind): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn('server-process.ts', [kind]);
  const ready = await ask<ServerReply>(child, undefined, (r) => r.type === 'ready');
  return { child, url: `ws://127.0.0.1:${(ready as { port: number }).port}/ws` };
}

async function stopChild(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send({ type: 'stop' });
  await exited;
}

async function rss(server: ChildProcess): Promise<number> {
  const reply = await ask<ServerReply>(server, { type: 'rss' }, (r) => r.type === 'rss');
  return (reply as { rss: number }).rss;
}

async function cpu(server: ChildProcess): Promise<number> {
  const reply = await ask<ServerReply>(server, { type: 'cpu' }, (r) => r.type === 'cpu');
  return (reply as { micros: number }).micros;
}

interface Target {
  readonly url: string;
  /** Our own server processes; absent for an external RabbitMQ (no CPU figures then). */
  readonly child?: ChildProcess;
}

/** Runs the specs at the same time; each result carries its server's CPU time over the run. */
async function runAll(load: ChildProcess, specs: RunSpec[], targets: Partial<Record<ServerKind, Target>>): Promise<RunResult[]> {
  const cpuOf = async (kind: ServerKind): Promise<number> => {
    const child = targets[kind]?.child;
    return child ? cpu(child) : Number.NaN;
  };
  const before = await Promise.all(specs.map((s) => cpuOf(s.kind)));
  const reply = await ask<LoadReply>(load, { type: 'run', specs }, (r) => r.type === 'results');
  const after = await Promise.all(specs.map((s) => cpuOf(s.kind)));
  return (reply as { results: readonly RunResult[] }).results.map((r, i) => ({ ...r, serverCpuMicros: after[i]! - before[i]! }));
}

function rabbitReachable(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(15674, '127.0.0.1');
    socket.setTimeout(500);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

interface Row {
  readonly kind: ServerKind;
  readonly n: number;
  readonly mode: 'rate' | 'max';
  readonly result: RunResult;
}

const rate = (r: RunResult): number => r.delivered / r.seconds;
/** CPU microseconds per delivered message (warm-up deliveries make this a slight overestimate). */
const perDelivery = (micros: number | undefined, r: RunResult): number => (micros ?? Number.NaN) / r.delivered;
const median = (runs: RunResult[]): RunResult => [...runs].sort((a, b) => rate(a) - rate(b))[Math.floor(runs.length / 2)]!;
const fmt = (value: number, digits = 0): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

async function main(): Promise<void> {
  if (process.env.SOOSCODE_BENCH_BUILD !== 'tsx') execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  process.stdout.write(`STOMP engine: ${process.env.SOOSCODE_BENCH_BUILD === 'tsx' ? 'sources through tsx' : 'compiled build (packages/adapters/dist)'}\n`);
  const began = Date.now();
  const rabbit = await rabbitReachable();
  const kinds: ServerKind[] = rabbit ? ['raw', 'stomp', 'rabbit'] : ['raw', 'stomp'];
  const load = spawn('load-process.ts');
  const rows: Row[] = [];
  const spec = (kind: ServerKind, mode: 'rate' | 'max'): RunSpec => ({ kind, mode, rate: RATE, durationMs: mode === 'rate' ? RATE_MS : MAX_MS, window: WINDOW });
  const log = (kind: ServerKind, n: number, mode: string, result: RunResult): void =>
    console.log(`  ${kind.padEnd(5)} N=${String(n).padEnd(4)} ${mode.padEnd(4)} ${fmt(rate(result)).padStart(7)} msg/s delivered, p99 ${fmt(result.p99Ms, 1)} ms`);
  for (const n of SIZES) {
    // Every server up with its subscribers connected.
    const servers: Partial<Record<ServerKind, Target>> = { raw: await startServer('raw'), stomp: await startServer('stomp') };
    if (rabbit) servers.rabbit = { url: RABBIT_URL };
    for (const kind of kinds) await ask<LoadReply>(load, { type: 'prepare', kind, url: servers[kind]!.url, subscribers: n }, (r) => r.type === 'prepared');
    // max: runs alternate between the servers; the median counts
    const repeats: Record<ServerKind, RunResult[]> = { raw: [], stomp: [], rabbit: [] };
    for (let i = 0; i < MAX_REPEATS; i++) {
      for (const kind of kinds) {
        const [result] = await runAll(load, [spec(kind, 'max')], servers);
        repeats[kind].push(result!);
        log(kind, n, 'max', result!);
      }
    }
    for (const kind of kinds) rows.push({ kind, n, mode: 'max', result: median(repeats[kind]) });
    // fixed rate: all servers at the same time, so that background load hits them alike
    const rates = await runAll(load, kinds.map((kind) => spec(kind, 'rate')), servers);
    kinds.forEach((kind, i) => {
      rows.push({ kind, n, mode: 'rate', result: rates[i]! });
      log(kind, n, 'rate', rates[i]!);
    });
    for (const kind of kinds) {
      await ask<LoadReply>(load, { type: 'teardown', kind }, (r) => r.type === 'released');
      const child = servers[kind]?.child;
      if (child) await stopChild(child);
    }
  }

  // RSS per idle authenticated session, on a fresh STOMP server.
  const fresh = await startServer('stomp');
  await ask<LoadReply>(load, { type: 'idle', url: fresh.url, count: 10 }, (r) => r.type === 'idle-ready');
  await ask<LoadReply>(load, { type: 'release' }, (r) => r.type === 'released');
  await new Promise((r) => setTimeout(r, 500));
  const before = await rss(fresh.child);
  await ask<LoadReply>(load, { type: 'idle', url: fresh.url, count: IDLE_SESSIONS }, (r) => r.type === 'idle-ready');
  const after = await rss(fresh.child);
  await ask<LoadReply>(load, { type: 'release' }, (r) => r.type === 'released');
  await stopChild(fresh.child);
  await stopChild(load);
  const kibPerSession = (after - before) / IDLE_SESSIONS / 1024;

  console.log(`\nSTOMP fan-out: one topic, one publisher, 256-byte JSON messages (max mode: median of ${MAX_REPEATS}, window ${WINDOW})`);
  console.log('"delivered" counts messages received by the end of the run plus a 5 s drain (2 s in max mode).');
  console.log('CPU columns: server and load-generator CPU time per delivered message (load generator: max mode only).');
  console.log('server   N     mode        published  delivered/expected  delivered msg/s   p50 ms   p99 ms  cut off  server µs  loadgen µs');
  const order = (row: Row): number => row.n * 10 + kinds.indexOf(row.kind) * 2 + (row.mode === 'rate' ? 0 : 1);
  for (const { kind, n, mode, result: r } of [...rows].sort((a, b) => order(a) - order(b))) {
    const label = mode === 'rate' ? `${RATE}/s ${RATE_MS / 1000}s` : `max ${MAX_MS / 1000}s`;
    console.log(
      `${LABELS[kind].padEnd(8)} ${String(n).padEnd(5)} ${label.padEnd(11)} ${String(r.published).padStart(9)}  ` +
        `${`${r.delivered}/${r.expected}`.padStart(18)}  ${fmt(rate(r)).padStart(15)}  ${fmt(r.p50Ms, 2).padStart(7)}  ${fmt(r.p99Ms, 2).padStart(7)}  ${String(r.cutOff).padStart(7)}  ` +
        `${fmt(perDelivery(r.serverCpuMicros, r), 1).padStart(9)}  ${(mode === 'max' ? fmt(perDelivery(r.loadCpuMicros, r), 1) : '-').padStart(10)}`,
    );
  }
  const find = (kind: ServerKind, n: number, mode: 'rate' | 'max'): RunResult =>
    rows.find((row) => row.kind === kind && row.n === n && row.mode === mode)!.result;
  console.log('\nRatios (STOMP / raw ws ceiling):');
  for (const n of SIZES) {
    const tp = rate(find('stomp', n, 'max')) / rate(find('raw', n, 'max'));
    const p99 = find('stomp', n, 'rate').p99Ms / find('raw', n, 'rate').p99Ms;
    const missing = (kind: ServerKind): number => find(kind, n, 'rate').expected - find(kind, n, 'rate').delivered;
    const cost = (kind: ServerKind): number => perDelivery(find(kind, n, 'max').serverCpuMicros, find(kind, n, 'max'));
    console.log(
      `  N=${n}: max-mode throughput ${fmt(tp, 2)}x; server CPU per delivery ${fmt(cost('stomp'), 1)} µs vs ${fmt(cost('raw'), 1)} µs ` +
        `(ceiling/ours ${fmt(cost('raw') / cost('stomp'), 2)}x); ${RATE}/s p99 latency ${fmt(p99, 2)}x; ` +
        `${RATE}/s deliveries missing: STOMP ${missing('stomp')}, raw ws ${missing('raw')}`,
    );
  }
  console.log(`\nIdle authenticated sessions: ${IDLE_SESSIONS}, server RSS +${fmt((after - before) / 1024 / 1024, 1)} MiB = ${fmt(kibPerSession, 1)} KiB/session`);
  if (!rabbit) console.log('RabbitMQ web-stomp: unavailable (nothing listening on 127.0.0.1:15674), comparison skipped');
  else {
    for (const n of SIZES) {
      const tp = rate(find('stomp', n, 'max')) / rate(find('rabbit', n, 'max'));
      console.log(`RabbitMQ web-stomp, N=${n}: STOMP / RabbitMQ max-mode throughput ${fmt(tp, 2)}x`);
    }
  }

  const tp1000 = rate(find('stomp', 1000, 'max')) / rate(find('raw', 1000, 'max'));
  const targets: [string, boolean][] = [
    ['N=1000 max-mode throughput >= 0.7x ceiling', tp1000 >= 0.7],
    ...SIZES.map((n): [string, boolean] => {
      const ours = find('stomp', n, 'rate');
      return [`N=${n} at ${RATE}/s: nothing lost and p99 <= 2x ceiling p99`, ours.delivered === ours.expected && ours.p99Ms <= 2 * find('raw', n, 'rate').p99Ms];
    }),
    ['<= 20 KiB per idle session', kibPerSession <= 20],
  ];
  console.log('\nTargets:');
  for (const [name, ok] of targets) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${name}`);
  console.log(`\n(total ${((Date.now() - began) / 1000).toFixed(0)} s)`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
