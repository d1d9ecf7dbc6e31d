import { isUtf8 } from 'node:buffer';
import type { RawFrame, RawHeader } from './stomp-frame';
import { StompFrameError } from './stomp-frame-error';

/** Size limits enforced while parsing. All values are in bytes except `maxHeaders`. */
export interface FrameParserLimits {
  /** Header section plus body. Default 262144. */
  readonly maxFrameBytes: number;
  /** Command line, header lines and the blank line, EOLs included. Default 8192. */
  readonly maxHeaderBytes: number;
  /** Header lines per frame. Default 32. */
  readonly maxHeaders: number;
}

export const DEFAULT_FRAME_LIMITS: FrameParserLimits = {
  maxFrameBytes: 262_144,
  maxHeaderBytes: 8192,
  maxHeaders: 32,
};

/** What one `push` produced: the frames completed by the chunk, then at most one error. */
export interface FrameParseResult {
  readonly frames: RawFrame[];
  readonly error?: StompFrameError;
}

const LF = 0x0a;
const CR = 0x0d;
const NUL = 0x00;
const DECIMAL = /^[0-9]+$/;

const IDLE = 0; // between frames: EOLs here are heart-beats
const IDLE_CR = 1; // saw CR between frames, LF must follow
const HEADER = 2; // inside the command line and header lines
const FIXED_BODY = 3; // reading exactly content-length octets
const TERMINATOR = 4; // the NUL after a content-length body
const NUL_BODY = 5; // body runs to the first NUL
const FAILED = 6;

/**
 * A streaming STOMP frame parser. Chunks may split frames anywhere (inside a multi-byte UTF-8
 * character too) and may hold several frames. Work is linear in the bytes pushed: header bytes
 * are copied at most once, a `content-length` body is copied straight into its final buffer.
 *
 * After the first error the parser is spent: further pushes return no frames and the same error.
 * It may keep references to pushed Buffers until their frame completes; callers must not reuse
 * them.
 */
export class FrameParser {
  private state = IDLE;
  private failure: StompFrameError | undefined;

  // header section in progress
  private head: Buffer | undefined;
  private headLen = 0;
  private lineLen = 0;
  private lines = 0;
  private prevCr = false;

  // body in progress
  private command = '';
  private headers: RawHeader[] = [];
  private headerBytes = 0;
  private fixedBody: Buffer | undefined;
  private bodyFilled = 0;
  private bodyParts: Buffer[] = [];
  private bodyLen = 0;

  constructor(private readonly limits: FrameParserLimits = DEFAULT_FRAME_LIMITS) {}

  /** Feeds bytes (a string is taken as UTF-8) and returns the frames they complete. */
  push(input: Buffer | string): FrameParseResult {
    if (this.failure) return { frames: [], error: this.failure };
    const chunk = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
    const frames: RawFrame[] = [];
    try {
      this.consume(chunk, frames);
    } catch (e) {
      if (!(e instanceof StompFrameError)) throw e;
      this.fail(e);
      return { frames, error: e };
    }
    return { frames };
  }

  /** True when no partial frame is buffered. */
  get idle(): boolean {
    return this.state === IDLE;
  }

  private fail(error: StompFrameError): void {
    this.failure = error;
    this.state = FAILED;
    this.head = undefined;
    this.fixedBody = undefined;
    this.bodyParts = [];
  }

  private consume(chunk: Buffer, out: RawFrame[]): void {
    const len = chunk.length;
    let pos = 0;
    while (pos < len) {
      switch (this.state) {
        case IDLE: {
          const b = chunk[pos];
          if (b === LF) pos++;
          else if (b === CR) {
            this.state = IDLE_CR;
            pos++;
          } else this.startHeader();
          break;
        }
        case IDLE_CR:
          if (chunk[pos] !== LF) throw StompFrameError.malformed('CR not followed by LF');
          this.state = IDLE;
          pos++;
          break;
        case HEADER:
          pos = this.scanHeader(chunk, pos);
          break;
        case FIXED_BODY:
          pos = this.fillFixedBody(chunk, pos);
          break;
        case TERMINATOR:
          if (chunk[pos] !== NUL) throw StompFrameError.malformed('body longer than content-length');
          pos++;
          this.emit(out, this.fixedBody ?? Buffer.alloc(0));
          break;
        case NUL_BODY:
          pos = this.scanNulBody(chunk, pos, out);
          break;
        default:
          return;
      }
    }
  }

  private startHeader(): void {
    this.state = HEADER;
    this.headLen = 0;
    this.lineLen = 0;
    this.lines = 0;
    this.prevCr = false;
  }

  /** Scans header bytes until the blank line; returns the position after what it consumed. */
  private scanHeader(chunk: Buffer, start: number): number {
    const { maxHeaderBytes, maxHeaders } = this.limits;
    const len = chunk.length;
    let i = start;
    let ended = false;
    while (i < len) {
      const b = chunk[i++];
      if (this.headLen + (i - start) > maxHeaderBytes) {
        throw StompFrameError.tooLarge('header section too large');
      }
      if (b === NUL) throw StompFrameError.malformed('NUL inside the header section');
      if (b === LF) {
        if (this.lineLen - (this.prevCr ? 1 : 0) === 0) {
          ended = true;
          break;
        }
        if (++this.lines > maxHeaders + 1) throw StompFrameError.tooLarge('too many headers');
        this.lineLen = 0;
        this.prevCr = false;
      } else {
        this.lineLen++;
        this.prevCr = b === CR;
      }
    }
    if (!ended) {
      this.appendHead(chunk, start, i);
      return i;
    }
    let section: Buffer;
    if (this.headLen === 0) section = chunk.subarray(start, i);
    else {
      this.appendHead(chunk, start, i);
      section = (this.head as Buffer).subarray(0, this.headLen);
    }
    this.finishHeader(section);
    return i;
  }

  private appendHead(chunk: Buffer, from: number, to: number): void {
    const need = this.headLen + (to - from);
    if (!this.head || this.head.length < need) {
      const grown = Buffer.allocUnsafe(Math.min(Math.max(need, (this.head?.length ?? 128) * 2), this.limits.maxHeaderBytes));
      if (this.head) this.head.copy(grown, 0, 0, this.headLen);
      this.head = grown;
    }
    chunk.copy(this.head, this.headLen, from, to);
    this.headLen = need;
  }

  private finishHeader(section: Buffer): void {
    if (!isUtf8(section)) throw StompFrameError.malformed('header section is not UTF-8');
    const text = section.toString('utf8');
    const lines = text.split('\n');
    // The section ends with "<last line>\n\n" (CRs optional): drop the two empty tails.
    lines.length -= 2;
    const headers: RawHeader[] = [];
    let contentLength: string | undefined;
    for (let n = 1; n < lines.length; n++) {
      const line = stripCr(lines[n] as string);
      const colon = line.indexOf(':');
      if (colon === -1) throw StompFrameError.malformed('header line without a colon');
      const name = line.slice(0, colon);
      const value = line.slice(colon + 1);
      if (contentLength === undefined && name === 'content-length') contentLength = value;
      headers.push([name, value]);
    }
    this.command = stripCr(lines[0] as string);
    this.headers = headers;
    this.headerBytes = section.length;
    this.headLen = 0;
    if (this.head && this.head.length > 1024) this.head = undefined;
    if (contentLength === undefined) {
      this.state = NUL_BODY;
      this.bodyParts = [];
      this.bodyLen = 0;
      return;
    }
    if (!DECIMAL.test(contentLength)) throw StompFrameError.malformed('content-length is not a decimal number');
    const size = Number(contentLength);
    if (size > this.limits.maxFrameBytes - this.headerBytes) throw StompFrameError.tooLarge('frame too large');
    this.fixedBody = Buffer.allocUnsafe(size);
    this.bodyFilled = 0;
    this.state = size === 0 ? TERMINATOR : FIXED_BODY;
  }

  private fillFixedBody(chunk: Buffer, pos: number): number {
    const body = this.fixedBody as Buffer;
    const take = Math.min(body.length - this.bodyFilled, chunk.length - pos);
    chunk.copy(body, this.bodyFilled, pos, pos + take);
    this.bodyFilled += take;
    if (this.bodyFilled === body.length) this.state = TERMINATOR;
    return pos + take;
  }

  private scanNulBody(chunk: Buffer, pos: number, out: RawFrame[]): number {
    const nul = chunk.indexOf(NUL, pos);
    const end = nul === -1 ? chunk.length : nul;
    this.bodyLen += end - pos;
    if (this.headerBytes + this.bodyLen > this.limits.maxFrameBytes) throw StompFrameError.tooLarge('frame too large');
    if (end > pos) this.bodyParts.push(chunk.subarray(pos, end));
    if (nul === -1) return chunk.length;
    const parts = this.bodyParts;
    const body = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, this.bodyLen);
    this.bodyParts = [];
    this.emit(out, body);
    return nul + 1;
  }

  private emit(out: RawFrame[], body: Buffer): void {
    out.push({ command: this.command, headers: this.headers, body, byteLength: this.headerBytes + body.length });
    this.state = IDLE;
    this.fixedBody = undefined;
    this.headers = [];
  }
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
