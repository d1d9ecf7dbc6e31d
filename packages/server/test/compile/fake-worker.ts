import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A job as the fake worker received it. */
export interface ReceivedJob {
  readonly jobId: string;
  readonly code: string;
  readonly callbackUrl: string;
  readonly language: string;
  readonly authorization: string | undefined;
}

/** What the fake does with a dispatch. */
export type WorkerBehaviour =
  /** Accepts (200) and at once POSTs `result` to the callback URL. */
  | { readonly kind: 'callback'; readonly result: { status: string; output: string | null } }
  /** Accepts (200) and never calls back. */
  | { readonly kind: 'accept' }
  /** Answers this non-2xx status. */
  | { readonly kind: 'refuse'; readonly status: number }
  /** Answers 200 only after `delayMs`. */
  | { readonly kind: 'slow'; readonly delayMs: number };

/**
 * A tiny loopback SoosCode worker for tests: records every dispatch to `POST /api/compile/run`
 * and behaves as told. `stop()`/`restart()` free and re-take the same port (connection refused
 * in between).
 */
export class FakeWorker {
  readonly jobs: ReceivedJob[] = [];
  readonly callbackStatuses: number[] = [];
  behaviour: WorkerBehaviour = { kind: 'accept' };
  private server: Server;
  private port = 0;
  private readonly pending = new Set<NodeJS.Timeout>();

  private constructor() {
    this.server = this.create();
  }

  static async start(): Promise<FakeWorker> {
    const w = new FakeWorker();
    await w.listen();
    return w;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** POSTs `body` to the callback URL of `job` as a worker would; resolves with the status. */
  async callBack(job: ReceivedJob, body: unknown, url = job.callbackUrl): Promise<number> {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await res.body?.cancel();
    return res.status;
  }

  async stop(): Promise<void> {
    for (const t of this.pending) clearTimeout(t);
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  async restart(): Promise<void> {
    this.server = this.create();
    await this.listen();
  }

  private async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  private create(): Server {
    return createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks).toString('utf8')));
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const body = JSON.parse(raw) as Record<string, string>;
    const job: ReceivedJob = { jobId: body.jobId!, code: body.code!, callbackUrl: body.callbackUrl!, language: body.language!, authorization: req.headers.authorization };
    this.jobs.push(job);
    const b = this.behaviour;
    const answer = (status: number) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ jobId: job.jobId }));
    };
    if (b.kind === 'refuse') return answer(b.status);
    if (b.kind === 'slow') {
      const t = setTimeout(() => {
        this.pending.delete(t);
        answer(200);
      }, b.delayMs);
      this.pending.add(t);
      return;
    }
    answer(200);
    if (b.kind === 'callback') {
      void this.callBack(job, { jobId: job.jobId, ...b.result }).then(
        (status) => this.callbackStatuses.push(status),
        () => this.callbackStatuses.push(0),
      );
    }
  }
}
