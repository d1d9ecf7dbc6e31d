import WebSocket from 'ws';
import { FrameParser } from '../../../src/stomp/frame-parser';
import { decodeHeaders, escapeModeOf } from '../../../src/stomp/header-codec';
import type { StompFrame } from '../../../src/stomp/stomp-frame';

export interface RawClientOptions {
  readonly headers?: Record<string, string>;
  readonly protocols?: string[];
  /** Speak SockJS framing (`o`, `a[...]`, `c[...]`). */
  readonly sockjs?: boolean;
  readonly autoPong?: boolean;
}

/**
 * A minimal STOMP client over `ws` for precise wire-level assertions: it sends exactly the bytes
 * given and records every frame, heart-beat and close.
 */
export class RawStompClient {
  readonly frames: StompFrame[] = [];
  readonly texts: string[] = [];
  heartbeats = 0;
  sockjsFrames: string[] = [];
  close: { code: number; reason: string } | undefined;
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly parser = new FrameParser({ maxFrameBytes: 10_000_000, maxHeaderBytes: 100_000, maxHeaders: 1000 });

  private constructor(
    readonly ws: WebSocket,
    private readonly sockjs: boolean,
  ) {
    ws.on('message', (data: Buffer) => this.onMessage(data.toString('utf8')));
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => {
        this.close = { code, reason: reason.toString() };
        resolve(this.close);
      }),
    );
    ws.on('error', () => undefined);
  }

  static open(url: string, options: RawClientOptions = {}): Promise<RawStompClient> {
    const ws = new WebSocket(url, options.protocols ?? [], {
      headers: options.headers ?? {},
      autoPong: options.autoPong ?? true,
    });
    const client = new RawStompClient(ws, options.sockjs ?? false);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(client));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  /** Sends raw text (SockJS-wrapped when speaking SockJS). */
  sendText(text: string): void {
    this.ws.send(this.sockjs ? JSON.stringify([text]) : text);
  }

  sendFrame(command: string, headers: Record<string, string> = {}, body = ''): void {
    let text = command + '\n';
    for (const [k, v] of Object.entries(headers)) text += `${k}:${v}\n`;
    this.sendText(text + '\n' + body + '\0');
  }

  connectFrame(headers: Record<string, string> = {}): void {
    this.sendFrame('CONNECT', { 'accept-version': '1.2', ...headers });
  }

  commands(): string[] {
    return this.frames.map((f) => f.command);
  }

  messagesTo(destination: string): StompFrame[] {
    return this.frames.filter((f) => f.command === 'MESSAGE' && f.headers.get('destination') === destination);
  }

  terminate(): void {
    this.ws.terminate();
  }

  private onMessage(text: string): void {
    this.texts.push(text);
    if (!this.sockjs) return this.feed(text);
    this.sockjsFrames.push(text);
    if (text.startsWith('a')) for (const message of JSON.parse(text.slice(1)) as string[]) this.feed(message);
  }

  private feed(text: string): void {
    if (text === '\n') this.heartbeats++;
    const { frames, error } = this.parser.push(text);
    if (error) throw error;
    for (const frame of frames) {
      const headers = decodeHeaders(frame.headers, escapeModeOf('1.2', frame.command));
      if (!headers.ok) throw headers.error;
      this.frames.push({ command: frame.command, headers: headers.value, body: frame.body });
    }
  }
}

/** The JSON body of a frame. */
export function jsonOf(frame: StompFrame | undefined): unknown {
  if (!frame) throw new Error('no frame');
  return JSON.parse(frame.body.toString('utf8'));
}
