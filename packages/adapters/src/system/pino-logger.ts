import { pino } from 'pino';
import pretty from 'pino-pretty';
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
  const logger = prettyOutput ? pino(options, pretty({ colorize: true, sync: true, ignore: 'pid,hostname,service' })) : pino(options);
  return logger as unknown as Logger;
}
