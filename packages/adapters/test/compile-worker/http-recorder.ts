import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request seen by a `HttpRecorder`. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query exactly as received. */
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** Decides the answer to a recorded request; `'hang'` never answers, `'drop'` resets the socket. */
export type Responder = (req: RecordedRequest, index: number) => { status: number; body?: unknown } | 'hang' | 'drop';

/**
 * A loopback HTTP server that records every request and answers with `responder`
 * (default: 200 `{}`). Used as a fake callback receiver, fake worker and fake Judge0 client side.
 */
export class HttpRecorder {
  readonly requests: RecordedRequest[] = [];
  private readonly server: Server;
  private readonly hanging: ServerResponse[] = [];

  private constructor(private responder: Responder) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const rec = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        this.requests.push(rec);
        const answer = this.responder(rec, this.requests.length - 1);
        if (answer === 'hang') return void this.hanging.push(res);
        if (answer === 'drop') return void req.socket.destroy();
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body ?? {}));
      });
    });
  }

  /** Starts listening on 127.0.0.1 at `port` (default: any free port). */
  static async start(responder: Responder = () => ({ status: 200 }), port = 0): Promise<HttpRecorder> {
    const r = new HttpRecorder(responder);
    await new Promise<void>((resolve) => r.server.listen(port, '127.0.0.1', resolve));
    return r;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  respondWith(responder: Responder): void {
    this.responder = responder;
  }

  /** Parsed JSON bodies of the requests so far. */
  jsonBodies(): unknown[] {
    return this.requests.map((r) => JSON.parse(r.body) as unknown);
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.socket?.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** A loopback port with nothing listening on it (bound, then released). */
export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}
