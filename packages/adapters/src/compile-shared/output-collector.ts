import { StringDecoder } from 'node:string_decoder';
import { OUTPUT_TRUNCATION_MARKER } from '@sooscode/domain';

/** The marker appended to output cut at the cap (compile.md §2.4); the domain's own. */
export const TRUNCATION_MARKER = OUTPUT_TRUNCATION_MARKER;

/**
 * Collects a child's output while it is read, never buffering more than `maxChars` UTF-16 code
 * units. Bytes beyond the cap are counted and dropped; once `overflowBytes` more bytes have
 * arrived after the cap, `onOverflow` is called (once) so the caller can kill the producer.
 */
export class OutputCollector {
  private readonly decoder = new StringDecoder('utf8');
  private readonly parts: string[] = [];
  private length = 0;
  private droppedBytes = 0;
  private overflowSignalled = false;
  /** True once anything was dropped. */
  truncated = false;

  constructor(
    private readonly maxChars: number,
    private readonly overflowBytes: number,
    private readonly onOverflow: () => void = () => undefined,
  ) {}

  /** Adds a chunk as it arrives from a pipe. */
  push(chunk: Buffer): void {
    if (this.truncated) {
      this.droppedBytes += chunk.length;
      if (!this.overflowSignalled && this.droppedBytes > this.overflowBytes) {
        this.overflowSignalled = true;
        this.onOverflow();
      }
      return;
    }
    this.append(this.decoder.write(chunk));
  }

  /** The collected text, with the truncation marker when something was dropped. */
  text(): string {
    if (!this.truncated) this.append(this.decoder.end());
    const body = this.parts.join('');
    return this.truncated ? body + TRUNCATION_MARKER : body;
  }

  private append(s: string): void {
    if (s.length === 0) return;
    const room = this.maxChars - this.length;
    if (s.length <= room) {
      this.parts.push(s);
      this.length += s.length;
      return;
    }
    let cut = Math.max(room, 0);
    // Never split a surrogate pair.
    if (cut > 0 && isHighSurrogate(s.charCodeAt(cut - 1))) cut -= 1;
    this.parts.push(s.slice(0, cut));
    this.length += cut;
    this.truncated = true;
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
