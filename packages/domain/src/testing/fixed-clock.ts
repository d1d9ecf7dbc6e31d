import type { Clock } from '../shared/clock';

/** A clock that reads a set instant until moved. */
export class FixedClock implements Clock {
  private current: Date;

  constructor(start: Date | string = '2025-12-18T01:00:00.000Z') {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  /** Sets the instant. */
  set(instant: Date | string): void {
    this.current = new Date(instant);
  }

  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
