// Child process: the load generator. N subscribers and one publisher in this process (one clock
// for the latency timestamps), kept out of the server's event loop.
import { performance } from 'node:perf_hooks';
import { benchPayload, percentile, type LoadCommand, type LoadReply, type RunResult, type RunSpec } from './bench-protocol';
import { leanRaw, leanStomp, type BenchClient } from './lean-clients';

const TOPIC = '/topic/class/1/chat';
const MAX_MESSAGES = 1 << 16;
const MAX_SAMPLES = 4_000_000;

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

async function run(spec: RunSpec): Promise<RunResult> {
  const subscribers = await inBatches(spec.subscribers, 100, (i) =>
    spec.kind === 'stomp' ? leanStomp(spec.url, i + 1, TOPIC) : leanRaw(spec.url, true),
  );
  const publisher = spec.kind === 'stomp' ? await leanStomp(spec.url, 0) : await leanRaw(spec.url, false);
  const received = new Uint32Array(MAX_MESSAGES);
  const latencies = new Float64Array(MAX_SAMPLES);
  let samples = 0;
  let delivered = 0;
  let published = 0;
  let completed = 0;
  let firstMeasured = Number.MAX_SAFE_INTEGER;
  let onComplete: () => void = () => undefined;

  const onBody = (body: string): void => {
    const now = performance.now();
    const { seq, t } = JSON.parse(body) as { seq: number; t: number };
    if (seq >= firstMeasured) {
      delivered++;
      if (samples < MAX_SAMPLES) latencies[samples++] = now - t;
    }
    if (++received[seq % MAX_MESSAGES]! === spec.subscribers) {
      received[seq % MAX_MESSAGES] = 0;
      completed++;
      onComplete();
    }
  };
  for (const subscriber of subscribers) subscriber.onBody = onBody;
  const publish = (): void => publisher.publish(benchPayload(published++, performance.now()));
  const drain = async (limitMs: number): Promise<void> => {
    const deadline = performance.now() + limitMs;
    while (completed < published && performance.now() < deadline) await sleep(10);
  };

  // warm-up: a few windows' worth, not measured
  onComplete = () => {
    if (published < 200) publish();
  };
  for (let i = 0; i < Math.min(spec.window, 200); i++) publish();
  await drain(5000);

  const startPublished = published;
  firstMeasured = startPublished;
  const start = performance.now();
  let stopped = false;
  if (spec.mode === 'max') {
    onComplete = () => {
      while (!stopped && published - completed < spec.window) publish();
    };
    onComplete();
    await sleep(spec.durationMs);
    stopped = true;
  } else {
    onComplete = () => undefined;
    const interval = 1000 / spec.rate;
    const total = Math.round((spec.durationMs / 1000) * spec.rate);
    for (let k = 0; k < total; k++) {
      const due = start + k * interval;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      publish();
    }
    stopped = true;
  }
  const seconds = (performance.now() - start) / 1000;
  await drain(spec.mode === 'max' ? 2000 : 5000);
  firstMeasured = Number.MAX_SAFE_INTEGER;
  const cutOff = subscribers.filter((s) => s.closedByServer).length;
  for (const client of [...subscribers, publisher]) client.close();
  const count = published - startPublished;
  return {
    published: count,
    expected: count * spec.subscribers,
    delivered,
    seconds,
    p50Ms: percentile(latencies, samples, 50),
    p99Ms: percentile(latencies, samples, 99),
    cutOff,
  };
}

let idle: BenchClient[] = [];

async function handle(command: LoadCommand): Promise<void> {
  switch (command.type) {
    case 'run':
      reply({ type: 'result', result: await run(command.spec) });
      break;
    case 'idle':
      idle = await inBatches(command.count, 200, (i) => leanStomp(command.url, 100_000 + i, undefined, '4000,4000'));
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
