import { pino } from 'pino';
import type { Logger } from './logger';

/** Paths whose values never reach the log. */
const REDACT = [
  'password', '*.password', 'token', '*.token', 'accessToken', 'refreshToken', 'secret', '*.secret',
  'req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie',
];

/** The process logger: pino, JSON lines to stdout, credential fields redacted. */
export function createPinoLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: { service: 'sooscode-api' } }) as unknown as Logger;
}
