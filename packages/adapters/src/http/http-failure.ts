import type { DomainError, ErrorCode } from '@sooscode/domain';
import { domainError } from '@sooscode/domain';

/**
 * Thrown inside route handlers to end the request with an enveloped error.
 * The error middleware turns it into the envelope and status of its code.
 */
export class HttpFailure extends Error {
  constructor(readonly error: DomainError) {
    super(error.code);
    this.name = 'HttpFailure';
  }
}

/** Throws an `HttpFailure` for a domain error. */
export function fail(error: DomainError): never {
  throw new HttpFailure(error);
}

/** Throws an `HttpFailure` for a bare code. */
export function failWith(code: ErrorCode, detail?: string): never {
  throw new HttpFailure(domainError(code, detail));
}

/** Unwraps a `Result`, throwing its error as an `HttpFailure`. */
export function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: DomainError }): T {
  if (!result.ok) fail(result.error);
  return result.value;
}
