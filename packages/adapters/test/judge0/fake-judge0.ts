import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The final fields a fake run produces, as plain text (the fake encodes them). */
export interface FakeVerdict {
  readonly statusId: number;
  readonly stdout?: string | null;
  readonly stderr?: string | null;
  readonly compileOutput?: string | null;
  readonly message?: string | null;
}

/** A submission as received by the fake. */
export interface ReceivedSubmission {
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: Record<string, unknown>;
  readonly token: string;
}

/** Base64 with a line break every 60 characters, as Judge0 sends it. */
export function judge0Base64(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return (Buffer.from(text, 'utf8').toString('base64').match(/.{1,60}/g) ?? []).join('\n') + (text === '' ? '' : '\n');
}

/**
 * A loopback stand-in for Judge0 CE: records submissions, answers `POST /submissions` with 201
 * `{token}` (or a configured error status), finishes each run after `runMs` with `verdict(source)`,
 * then PUTs the submission to its `callback_url` unless callbacks are lost, and serves
 * `GET /submissions/{token}` (status 2 until the run is finished).
 */
export class FakeJudge0 {
  readonly submissions: ReceivedSubmission[] = [];
  readonly polls: { token: string; query: URLSearchParams; headers: IncomingMessage['headers'] }[] = [];
  readonly callbackStatuses: number[] = [];
  submitStatus = 201;
  loseCallbacks = false;
  runMs = 30;
  verdict: (source: string) => FakeVerdict = (source) => ({ statusId: 3, stdout: `ran: ${source}\n` });
  private readonly done = new Map<string, FakeVerdict>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly server: Server;

  private constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://fake');
        const send = (status: number, body: unknown): void => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        if (req.method === 'POST' && url.pathname === '/submissions') {
          if (this.submitStatus !== 201) return send(this.submitStatus, { error: 'configured failure' });
          const token = randomUUID();
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
          this.submissions.push({ query: url.searchParams, headers: req.headers, body, token });
          this.schedule(token, body);
          return send(201, { token });
        }
        const poll = /^\/submissions\/([^/]+)$/.exec(url.pathname);
        if (req.method === 'GET' && poll?.[1]) {
          this.polls.push({ token: poll[1], query: url.searchParams, headers: req.headers });
          const verdict = this.done.get(poll[1]);
          return send(200, verdict ? this.encode(poll[1], verdict) : { status: { id: 2, description: 'Processing' }, stdout: null });
        }
        send(404, { error: 'not found' });
      });
    });
  }

  static async start(): Promise<FakeJudge0> {
    const f = new FakeJudge0();
    await new Promise<void>((resolve) => f.server.listen(0, '127.0.0.1', resolve));
    return f;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private schedule(token: string, body: Record<string, unknown>): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      const source = Buffer.from(String(body.source_code), 'base64').toString('utf8');
      const verdict = this.verdict(source);
      this.done.set(token, verdict);
      if (!this.loseCallbacks && typeof body.callback_url === 'string') void this.callBack(body.callback_url, this.encode(token, verdict));
    }, this.runMs);
    this.timers.add(t);
  }

  private async callBack(url: string, submission: unknown): Promise<void> {
    try {
      const res = await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(submission) });
      this.callbackStatuses.push(res.status);
      await res.body?.cancel();
    } catch {
      this.callbackStatuses.push(0);
    }
  }

  private encode(token: string, v: FakeVerdict): Record<string, unknown> {
    return {
      token,
      status: { id: v.statusId, description: `status ${v.statusId}` },
      stdout: judge0Base64(v.stdout),
      stderr: judge0Base64(v.stderr),
      compile_output: judge0Base64(v.compileOutput),
      message: judge0Base64(v.message),
      time: '0.01',
      memory: 1234,
    };
  }
}
