import type { Logger } from '@sooscode/adapters/system/logger';

/** A silent logger that counts `error` logs: an unhandled fault is logged there before its 500. */
export function countingErrors(counter: { errors: number }): Logger {
  const self: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => void counter.errors++, child: () => self };
  return self;
}
