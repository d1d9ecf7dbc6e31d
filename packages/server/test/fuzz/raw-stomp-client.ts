import WebSocket from 'ws';

/** A frame received from the server. */
export interface ReceivedFrame {
  readonly command: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * A bare STOMP 1.2 client over a raw WebSocket that sends frames exactly as given (any body bytes,
 * any headers), for fuzzing. It records every frame the server sends and whether the socket closed.
 */
export class RawStompClient {
  readonly frames: ReceivedFrame[] = [];
  closed = false;
  private buffer = '';
  private waiters: (() => void)[] = [];

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      this.buffer += data.toString('utf8');
      this.parse();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  /** Opens `/ws` and CONNECTs with `token`; resolves once CONNECTED (or the server refused and closed). */
  static async connect(baseUrl: string, token: string | undefined): Promise<RawStompClient> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws`, ['v12.stomp']);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const client = new RawStompClient(socket);
    client.send(`CONNECT\naccept-version:1.2\nheart-beat:0,0\n${token ? `Authorization:Bearer ${token}\n` : ''}\n\0`);
    await client.until(() => client.frames.some((f) => f.command === 'CONNECTED' || f.command === 'ERROR'));
    return client;
  }

  get connected(): boolean {
    return !this.closed && this.frames.some((f) => f.command === 'CONNECTED');
  }

  /** Sends raw frame bytes. */
  send(frame: string | Buffer): void {
    if (!this.closed) this.socket.send(frame);
  }

  /** Resolves when `done()` holds, the socket closed, or after `timeoutMs` (then false). */
  async until(done: () => boolean, timeoutMs = 10_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (this.closed || Date.now() > deadline) return done();
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200).unref();
      });
    }
    return true;
  }

  close(): void {
    this.socket.terminate();
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }

  private parse(): void {
    for (;;) {
      this.buffer = this.buffer.replace(/^[\r\n]+/, '');
      const end = this.buffer.indexOf('\0');
      if (end < 0) break;
      const text = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 1);
      const split = text.indexOf('\n\n');
      const [head, body] = split < 0 ? [text, ''] : [text.slice(0, split), text.slice(split + 2)];
      const [command, ...lines] = head.split('\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        if (colon > 0 && !(line.slice(0, colon) in headers)) headers[line.slice(0, colon)] = line.slice(colon + 1);
      }
      this.frames.push({ command: command!, headers, body });
    }
    this.wake();
  }
}
