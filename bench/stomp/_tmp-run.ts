import { fork } from 'node:child_process';
const HERE = '/work/main/bench/stomp/';
const kind = process.argv[2]!; const n = Number(process.argv[3]); const mode = process.argv[4] ?? 'max';
const server = fork(HERE + 'server-process.ts', [kind], { execArgv: ['--import', 'tsx', ...(process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [])] });
const load = fork(HERE + 'load-process.ts', [], { execArgv: ['--import', 'tsx'] });
server.on('message', (m: { type: string; port: number }) => {
  if (m.type !== 'ready') return;
  load.send({ type: 'run', spec: { kind, url: `ws://127.0.0.1:${m.port}/ws`, subscribers: n, mode, rate: 100, durationMs: mode === 'max' ? 5000 : 10000, window: 16 } });
});
load.on('message', (m: unknown) => { console.log(kind, n, mode, JSON.stringify(m)); server.send({ type: 'stop' }); load.send({ type: 'stop' }); });
