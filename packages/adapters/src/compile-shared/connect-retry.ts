import type { RetryOptions } from 'ky';

/**
 * Error codes (of the `cause` chain of a failed `fetch`) that mean the request never reached the
 * server, so sending it again cannot start a job twice.
 */
const CONNECT_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The first `code` found on `error` or its `cause` chain. */
export function errorCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e !== null && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const errors = (e as { errors?: unknown }).errors; // AggregateError from happy-eyeballs connects
    if (Array.isArray(errors) && errors.length > 0) e = errors[0];
    else e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** True when `error` is a connection failure before anything was sent. */
export function isConnectError(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && CONNECT_ERROR_CODES.has(code);
}

/**
 * ky retry options that retry only connection failures (`limit` times, `delayMs` apart), never
 * HTTP errors or timeouts. Use with a total-time `signal`, which also cuts the delays short.
 */
export function connectRetry(limit: number, delayMs: number): RetryOptions {
  return {
    limit,
    methods: ['get', 'post', 'put'],
    statusCodes: [],
    retryOnTimeout: false,
    delay: () => delayMs,
    shouldRetry: ({ error }) => isConnectError(error),
  };
}
