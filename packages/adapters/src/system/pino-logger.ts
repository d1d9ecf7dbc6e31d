import { createRequire } from 'node:module';
import { pino } from 'pino';
import type PinoPretty from 'pino-pretty';
import type { Logger } from './logger';

/** Paths whose values never reach the log. */
const REDACT = [
  'password', '*.password', 'token', '*.token', 'accessToken', 'refreshToken', 'secret', '*.secret',
  'req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie',
];

/**
 * The process logger: pino with credential fields redacted; JSON lines on stdout, or pino-pretty's
 * coloured lines when `pretty` (default: stdout is a terminal).
 */
export function createPinoLogger(level: string, prettyOutput = process.stdout.isTTY === true): Logger {
  const options = { level, redact: { paths: REDACT, censor: '[redacted]' }, base: { service: 'sooscode-api' } };
  if (!prettyOutput) return pino(options) as unknown as Logger;
  // loaded only for a terminal: servers writing JSON never pay for pino-pretty
  const pretty = createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;
  const logger = pino(options, pretty({ colorize: true, sync: true, ignore: 'pid,hostname,service' }));
  return logger as unknown as Logger;
}
