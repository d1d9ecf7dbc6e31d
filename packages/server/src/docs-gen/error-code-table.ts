import { STATUS_CODES } from '@sooscode/adapters/http/status-codes';

/** The status-code catalogue as a Markdown table, generated from the adapters' catalogue. */
export function errorCodeTable(): string {
  const rows = Object.entries(STATUS_CODES).map(([code, { status, message }]) => `| \`${code}\` | ${status} | ${message} |`);
  return ['| Code | HTTP | Message |', '|---|---|---|', ...rows].join('\n');
}
