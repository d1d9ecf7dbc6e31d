/** Stops a poll loop; calling it again does nothing. */
export type StopPolling = () => void;

/** Timing and work of one poll loop. */
export interface PollLoop<T> {
  /** Delay before the first attempt, ms. */
  readonly startAfterMs: number;
  /** Pause between the end of one attempt and the start of the next, ms. */
  readonly intervalMs: number;
  /** Epoch ms after which no attempt starts; the loop then ends silently. */
  readonly deadline: number;
  /** One attempt: a value ends the loop, `undefined` means "not yet". Must not reject. */
  readonly attempt: (signal: AbortSignal) => Promise<T | undefined>;
  /** Called once with the first value. */
  readonly onResult: (value: T) => void;
  /** Called once when the loop ends for any reason. */
  readonly onEnd?: () => void;
}

/**
 * Runs `attempt` after `startAfterMs`, then every `intervalMs` after the previous attempt ended
 * (never overlapping) until it yields a value, the deadline passes or the loop is stopped
 * (which also aborts the attempt in flight).
 */
export function startPolling<T>(loop: PollLoop<T>): StopPolling {
  let ended = false;
  let timer: NodeJS.Timeout | undefined;
  const controller = new AbortController();
  const stop: StopPolling = () => {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    controller.abort();
    loop.onEnd?.();
  };
  const schedule = (ms: number): void => {
    if (ended) return;
    if (Date.now() + ms >= loop.deadline) return stop();
    timer = setTimeout(() => void run(), ms);
  };
  const run = async (): Promise<void> => {
    const value = await loop.attempt(controller.signal);
    if (ended) return;
    if (value === undefined) return schedule(loop.intervalMs);
    stop();
    loop.onResult(value);
  };
  schedule(loop.startAfterMs);
  return stop;
}
