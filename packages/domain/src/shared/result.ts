import type { DomainError } from './domain-error';

/**
 * The outcome of an operation that can fail in an expected way.
 * Expected failures are values; bugs and infrastructure faults throw.
 */
export type Result<T, E = DomainError> = Ok<T> | Err<E>;

/** A success carrying `value`. */
export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
}

/** An expected failure carrying `error`. */
export interface Err<E> {
  readonly ok: false;
  readonly error: E;
}

/** Wraps a success value. */
export function ok<T>(value: T): Ok<T>;
export function ok(): Ok<void>;
export function ok<T>(value?: T): Ok<T | undefined> {
  return { ok: true, value };
}

/** Wraps an expected failure. */
export function err<E>(error: E): Err<E> {
  return { ok: false, error };
}


