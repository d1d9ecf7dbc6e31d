import { STATUS_CODES } from '@sooscode/adapters/http/status-codes';

/** The wire-code catalogue as a Markdown table: each code's HTTP status and its message from the adapters' `wire/` catalogue. */
export function errorCodeTable(): string {
  const rows = Object.entries(STATUS_CODES).map(([code, { status, message }]) => `| \`${code}\` | ${status} | ${message} |`);
  return ['| Code | HTTP | Message |', '|---|---|---|', ...rows].join('\n');
}
