import type { Timeouts } from '@sooscode/domain';

/** `Timeouts` on Node.js timers. A pending call does not keep the process alive on its own. */
export class NodeTimeouts implements Timeouts {
  after(ms: number, fn: () => void): () => void {
    const timer = setTimeout(fn, Math.max(0, ms));
    timer.unref();
    return () => clearTimeout(timer);
  }
}
