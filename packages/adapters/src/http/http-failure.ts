import type { FieldDetail } from '@sooscode/domain';
import { wireError, type WireCode, type WireError } from '../wire';

/**
 * Thrown inside route handlers to end the request with an enveloped error.
 * The error middleware turns it into the envelope and status of its code.
 */
export class HttpFailure extends Error {
  constructor(readonly error: WireError) {
    super(error.code);
    this.name = 'HttpFailure';
  }
}

/** Throws an `HttpFailure` for a domain or transport error. */
export function fail(error: WireError): never {
  throw new HttpFailure(error);
}

/** Throws an `HttpFailure` for a bare code; `detail` names the refused input (`GLOBAL_410`/`411` only). */
export function failWith(code: WireCode, detail?: FieldDetail): never {
  throw new HttpFailure(wireError(code, detail));
}

/** Unwraps a `Result`, throwing its error as an `HttpFailure`. */
export function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: WireError }): T {
  if (!result.ok) fail(result.error);
  return result.value;
}
