// Load generator: closed-loop virtual users over keep-alive node:http connections, plus a callback
// sink (so the worker-alone measurement makes the worker do exactly what it does for the API).
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { percentile, type LoadCommand, type LoadReply, type LoadResult, type LoadSpec } from './protocol';

const agent = new Agent({ keepAlive: true, maxSockets: 1024 });

function once(url: URL, method: 'GET' | 'POST', headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve) => {
    const all = method === 'GET' ? headers : { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
    const req = request(url, { method, agent, headers: all }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end(method === 'GET' ? undefined : body);
  });
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  const url = new URL(spec.url);
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    spec.users.map(async (user) => {
      for (let i = 0; i < spec.requestsPerUser; i++) {
        const t0 = performance.now();
        const status = await once(url, spec.method ?? 'POST', user.headers, user.body);
        latencies.push(performance.now() - t0);
        if (status !== 200) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const count = latencies.length;
  return { count, seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), failures };
}

const sink = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.end('{}'));
});
sink.keepAliveTimeout = 60_000;
sink.listen(0, '127.0.0.1', () => {
  const ready: LoadReply = { type: 'ready', sinkUrl: `http://127.0.0.1:${(sink.address() as AddressInfo).port}/sink` };
  process.send?.(ready);
});
process.on('message', (m: LoadCommand) => {
  if (m.type === 'stop') process.exit(0);
  void run(m.spec).then((result) => process.send?.({ type: 'result', result } satisfies LoadReply));
});
process.on('disconnect', () => process.exit(0));
