// A SoosCode worker that does no work: it answers each dispatch 200 at once and immediately POSTs
// {jobId, status:"SUCCESS", output} to the job's callback URL (keep-alive connections).
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkerReply } from './protocol';

const agent = new Agent({ keepAlive: true, maxSockets: 512 });

function callBack(callbackUrl: string, jobId: string): void {
  const body = JSON.stringify({ jobId, status: 'SUCCESS', output: 'Hello, SoosCode\n' });
  const req = request(callbackUrl, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => res.resume());
  req.on('error', () => undefined);
  req.end(body);
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const job = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { jobId: string; callbackUrl: string };
    const answer = JSON.stringify({ jobId: job.jobId });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
    res.end(answer);
    callBack(job.callbackUrl, job.jobId);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const reply: WorkerReply = { type: 'ready', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  process.send?.(reply);
});
process.on('disconnect', () => process.exit(0));
