import type { RawFrame } from './stomp-frame';
import type { StompFrameError } from './stomp-frame-error';
import type { StompSocket } from './stomp-socket';

/** A parsed frame waiting for its turn, or the framing error that ends the stream. */
export type InboundItem = RawFrame | StompFrameError;

/** What a queued frame costs beyond its bytes, so that floods of tiny frames are bounded too. */
const FRAME_OVERHEAD_BYTES = 128;

/**
 * The frames of one session waiting to be processed, with inbound backpressure: reading from the
 * socket is paused (when the transport can) once a quarter of `maxBytes` is queued and resumed
 * below an eighth; past `maxBytes` the caller must close the session. Each frame counts its
 * `byteLength` plus a fixed overhead.
 */
export class InboundQueue {
  private readonly items: InboundItem[] = [];
  private bytes = 0;
  private paused = false;

  constructor(
    private readonly socket: StompSocket,
    private readonly maxBytes: number,
    /** Called after reading resumes (the silence while paused was ours, not the peer's). */
    private readonly onResume: () => void,
  ) {}

  get length(): number {
    return this.items.length;
  }

  /** Queues what the parser produced; false when the backlog overflowed. */
  add(frames: readonly RawFrame[], error: StompFrameError | undefined): boolean {
    for (const frame of frames) {
      this.items.push(frame);
      this.bytes += frame.byteLength + FRAME_OVERHEAD_BYTES;
    }
    if (error) this.items.push(error);
    if (this.bytes > this.maxBytes) return false;
    if (!this.paused && this.bytes > this.maxBytes / 4 && this.socket.pause) {
      this.paused = true;
      this.socket.pause();
    }
    return true;
  }

  /** The next item, oldest first. */
  shift(): InboundItem | undefined {
    const item = this.items.shift();
    if (item && 'byteLength' in item) this.bytes -= item.byteLength + FRAME_OVERHEAD_BYTES;
    if (this.paused && this.bytes <= this.maxBytes / 8) {
      this.paused = false;
      this.socket.resume?.();
      this.onResume();
    }
    return item;
  }

  clear(): void {
    this.items.length = 0;
    this.bytes = 0;
  }
}
