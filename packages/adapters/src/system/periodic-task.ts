import type { Logger } from './logger';

/** Options of a `PeriodicTask`; durations in milliseconds. */
export interface PeriodicTaskOptions {
  readonly name: string;
  /** Time between runs. */
  readonly intervalMs: number;
  /** Time from `start` to the first run. */
  readonly firstRunAfterMs: number;
  readonly run: () => Promise<void>;
  readonly logger: Logger;
}

/**
 * Runs a task on a timer: first `firstRunAfterMs` after `start`, then every `intervalMs`. A run
 * never overlaps the previous one (a tick during a run is skipped); a failed run is logged and the
 * schedule goes on. Timers do not keep the process alive. `stop` clears the timers and waits for
 * a run in progress.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: PeriodicTaskOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule(this.options.firstRunAfterMs);
  }

  /** Runs now unless a run is in progress (then resolves when that one ends). Never rejects. */
  runNow(): Promise<void> {
    this.running ??= this.options.run().catch((err: unknown) => this.options.logger.error({ err, task: this.options.name }, 'periodic task failed')).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      void this.runNow().then(() => {
        if (!this.stopped) this.schedule(this.options.intervalMs);
      });
    }, delayMs);
    this.timer.unref();
  }
}
