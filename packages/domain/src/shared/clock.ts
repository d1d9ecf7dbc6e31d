/** Source of the current time. Tests use `FixedClock`. */
export interface Clock {
  /** The current instant. */
  now(): Date;
}
