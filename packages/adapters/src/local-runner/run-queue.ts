import { CodeRunnerBusyError } from '@sooscode/domain';

/**
 * A bounded FIFO of jobs sharing `concurrency` numbered slots (0 … concurrency-1). A job that
 * finds every slot busy waits in a queue of at most `maxQueued`; beyond that `run` rejects at
 * once with `CodeRunnerBusyError`.
 */
export class RunQueue {
  private readonly free: number[];
  private readonly waiting: ((slot: number) => void)[] = [];

  constructor(
    concurrency: number,
    private readonly maxQueued: number,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError('concurrency must be a positive integer');
    if (!Number.isInteger(maxQueued) || maxQueued < 0) throw new RangeError('maxQueued must be a non-negative integer');
    this.free = Array.from({ length: concurrency }, (_, i) => i);
  }

  /** Jobs waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `task` with a slot number once one is free; the slot is released when it settles. */
  async run<T>(task: (slot: number) => Promise<T>): Promise<T> {
    const slot = await this.acquire();
    try {
      return await task(slot);
    } finally {
      this.release(slot);
    }
  }

  private acquire(): Promise<number> {
    const slot = this.free.shift();
    if (slot !== undefined) return Promise.resolve(slot);
    if (this.waiting.length >= this.maxQueued) return Promise.reject(new CodeRunnerBusyError());
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: number): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else this.free.push(slot);
  }
}
