import { fork } from 'node:child_process';
const HERE = '/work/main/bench/stomp/';
const kind = process.argv[2] as 'raw' | 'stomp'; const n = Number(process.argv[3]);
const server = fork(HERE + 'server-process.ts', [kind], { execArgv: ['--import', 'tsx', ...(process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof-' + kind] : [])] });
const load = fork(HERE + 'load-process.ts', [], { execArgv: ['--import', 'tsx'] });
let cpu0 = 0; let loadCpu0 = 0;
server.on('message', (m: { type: string; port: number; micros: number }) => {
  if (m.type === 'ready') load.send({ type: 'prepare', kind, url: `ws://127.0.0.1:${m.port}/ws`, subscribers: n });
  if (m.type === 'cpu') {
    if (cpu0 === 0) { cpu0 = m.micros; load.send({ type: 'run', specs: [{ kind, mode: 'max', rate: 100, durationMs: 4000, window: 16 }] }); }
    else { last.cpu = m.micros - cpu0; console.log(kind, n, Math.round(last.delivered / last.seconds), 'msg/s', 'server µs/delivery', (last.cpu / last.delivered).toFixed(2)); server.send({ type: 'stop' }); load.send({ type: 'stop' }); }
  }
});
let last: { delivered: number; seconds: number; cpu: number } = { delivered: 0, seconds: 0, cpu: 0 };
load.on('message', (m: { type: string; results?: { delivered: number; seconds: number }[] }) => {
  if (m.type === 'prepared') server.send({ type: 'cpu' });
  if (m.type === 'results') { last = { ...m.results![0]!, cpu: 0 }; server.send({ type: 'cpu' }); }
});
void loadCpu0;
