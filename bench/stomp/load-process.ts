// Child process: the load generator. N subscribers and one publisher per server in this process
// (one clock for the latency timestamps), kept out of the servers' event loops. Clients are
// connected once per server and reused across runs.
import { performance } from 'node:perf_hooks';
import { benchPayload, percentile, type LoadCommand, type LoadReply, type RunResult, type RunSpec, type ServerKind } from './bench-protocol';
import { benchUser, leanRaw, leanStomp, type BenchClient } from './lean-clients';

const TOPIC = '/topic/class/1/chat';
const MAX_MESSAGES = 1 << 16;
const MAX_SAMPLES = 4_000_000;

interface Group {
  readonly subscribers: BenchClient[];
  readonly publisher: BenchClient;
  /** Next sequence number; runs never reuse one. */
  published: number;
}

const groups = new Map<ServerKind, Group>();
let idle: BenchClient[] = [];

function reply(message: LoadReply): void {
  process.send?.(message);
}

async function inBatches<T>(count: number, batch: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += batch) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(batch, count - i) }, (_, j) => make(i + j)))));
  }
  return out;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** RabbitMQ web-stomp: default guest account, publishing straight to the topic. */
const RABBIT = { connectHeaders: { login: 'guest', passcode: 'guest', host: '/' }, topic: '/topic/bench' };

async function prepare(kind: ServerKind, url: string, count: number): Promise<void> {
  const subscriber = (i: number): Promise<BenchClient> => {
    if (kind === 'raw') return leanRaw(url, true);
    if (kind === 'rabbit') return leanStomp(url, { connectHeaders: RABBIT.connectHeaders, subscribeTo: RABBIT.topic });
    return leanStomp(url, { connectHeaders: benchUser(i + 1), subscribeTo: TOPIC });
  };
  const subscribers = await inBatches(count, 100, subscriber);
  const publisher =
    kind === 'raw'
      ? await leanRaw(url, false)
      : await leanStomp(url, kind === 'rabbit' ? { connectHeaders: RABBIT.connectHeaders, sendTo: RABBIT.topic } : { connectHeaders: benchUser(0) });
  groups.set(kind, { subscribers, publisher, published: 0 });
}

function teardown(kind: ServerKind): void {
  const group = groups.get(kind);
  for (const client of group ? [...group.subscribers, group.publisher] : []) client.close();
  groups.delete(kind);
}

async function run(spec: RunSpec): Promise<RunResult> {
  const group = groups.get(spec.kind);
  if (!group) throw new Error(`no clients for ${spec.kind}`);
  const n = group.subscribers.length;
  const runStart = group.published;
  const received = new Uint32Array(MAX_MESSAGES);
  const latencies = new Float64Array(MAX_SAMPLES);
  let firstMeasured = Number.MAX_SAFE_INTEGER;
  let samples = 0;
  let delivered = 0;
  let completed = 0;
  let onComplete: () => void = () => undefined;

  const onBody = (body: string): void => {
    const now = performance.now();
    const { seq, t } = JSON.parse(body) as { seq: number; t: number };
    if (seq < runStart) return; // a straggler from an earlier run
    if (seq >= firstMeasured) {
      delivered++;
      if (samples < MAX_SAMPLES) latencies[samples++] = now - t;
    }
    const slot = seq % MAX_MESSAGES;
    if (++received[slot]! === n) {
      received[slot] = 0;
      completed++;
      onComplete();
    }
  };
  for (const subscriber of group.subscribers) subscriber.onBody = onBody;
  const publish = (): void => group.publisher.publish(benchPayload(group.published++, performance.now()));
  const drain = async (limitMs: number): Promise<void> => {
    const deadline = performance.now() + limitMs;
    while (completed < group.published - runStart && performance.now() < deadline) await sleep(10);
  };

  const cpuAtStart = process.cpuUsage();
  // warm-up: one window, not measured
  for (let i = 0; i < spec.window; i++) publish();
  await drain(5000);

  firstMeasured = group.published;
  const start = performance.now();
  let stopped = false;
  if (spec.mode === 'max') {
    onComplete = () => {
      while (!stopped && group.published - runStart - completed < spec.window) publish();
    };
    onComplete();
    await sleep(spec.durationMs);
    stopped = true;
  } else {
    const interval = 1000 / spec.rate;
    const total = Math.round((spec.durationMs / 1000) * spec.rate);
    for (let k = 0; k < total; k++) {
      const wait = start + k * interval - performance.now();
      if (wait > 1) await sleep(wait);
      publish();
    }
  }
  const seconds = (performance.now() - start) / 1000;
  await drain(spec.mode === 'max' ? 2000 : 5000);
  const measuredMessages = group.published - firstMeasured;
  firstMeasured = Number.MAX_SAFE_INTEGER;
  return {
    published: measuredMessages,
    expected: measuredMessages * n,
    delivered,
    seconds,
    p50Ms: percentile(latencies, samples, 50),
    p99Ms: percentile(latencies, samples, 99),
    cutOff: group.subscribers.filter((s) => s.closedByServer).length,
    loadCpuMicros: cpuMicros(process.cpuUsage(cpuAtStart)),
  };
}

function cpuMicros(usage: NodeJS.CpuUsage): number {
  return usage.user + usage.system;
}

async function handle(command: LoadCommand): Promise<void> {
  switch (command.type) {
    case 'prepare':
      await prepare(command.kind, command.url, command.subscribers);
      reply({ type: 'prepared' });
      break;
    case 'run':
      reply({ type: 'results', results: await Promise.all(command.specs.map(run)) });
      break;
    case 'teardown':
      teardown(command.kind);
      reply({ type: 'released' });
      break;
    case 'idle':
      // like the real web client: heart-beat 4000,4000, so each idle session runs its heart-beat timer
      idle = await inBatches(command.count, 200, (i) => leanStomp(command.url, { connectHeaders: benchUser(100_000 + i), heartBeat: '4000,4000' }));
      reply({ type: 'idle-ready', count: idle.length });
      break;
    case 'release':
      for (const client of idle) client.close();
      idle = [];
      reply({ type: 'released' });
      break;
    case 'stop':
      process.exit(0);
  }
}

process.on('message', (command: LoadCommand) => {
  handle(command).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
});
