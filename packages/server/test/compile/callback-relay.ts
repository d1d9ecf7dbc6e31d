import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback forwarder standing for "the API as the worker sees it": it listens before the API
 * starts (so `COMPILE_CALLBACK_BASE_URL` can name it although the API binds port 0) and forwards
 * every request to `target`. With `dropping` set it resets callbacks instead (a lost callback).
 */
export class CallbackRelay {
  target = '';
  dropping = false;
  forwarded = 0;
  private readonly server: Server;

  private constructor() {
    this.server = createServer((req, res) => {
      if (this.dropping || !this.target) return void req.socket.destroy();
      const target = new URL(req.url ?? '/', this.target);
      const upstream = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
        this.forwarded++;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
  }

  static async start(): Promise<CallbackRelay> {
    const r = new CallbackRelay();
    await new Promise<void>((resolve) => r.server.listen(0, '127.0.0.1', resolve));
    return r;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
