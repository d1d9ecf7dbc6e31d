import { capOutput, type RunOutcome } from '@sooscode/domain';

/** What a Judge0 submission means for the job (compile.md §7). */
export type Judge0Outcome = { readonly final: false } | ({ readonly final: true } & RunOutcome);

const NOT_FINAL: Judge0Outcome = { final: false };
const TIMEOUT_LINE = '\nTIMEOUT: 실행 시간이 초과되었습니다.';

/**
 * Maps a Judge0 submission, as sent in its `PUT` callback or returned by
 * `GET /submissions/{token}?base64_encoded=true`, to an outcome:
 * * status 1 In Queue, 2 Processing, or no readable status → not final;
 * * 3 Accepted (and 4) → `SUCCESS`; 5 Time Limit Exceeded, 6 Compilation Error, 7–12 runtime
 *   errors → `FAIL`; 13 Internal Error, 14 Exec Format Error and any unknown id → `ERROR`.
 * Output: status 6 → `Compile Error: ` + compile_output; status 5 → stdout + `\nTIMEOUT: …`;
 * otherwise stdout, stderr, message, skipping empty ones, joined by `\n`. The text fields are
 * Base64 with line breaks; whitespace is removed before decoding. The result is cut to
 * `maxOutputChars` UTF-16 code units, and `\n[output truncated]` appended when cut.
 */
export function mapJudge0Submission(submission: unknown, maxOutputChars = 20_000): Judge0Outcome {
  if (submission === null || typeof submission !== 'object') return NOT_FINAL;
  const s = submission as Record<string, unknown>;
  const id = statusId(s.status);
  if (id === undefined || id === 1 || id === 2) return NOT_FINAL;
  const stdout = decode(s.stdout);
  const joined = [stdout, decode(s.stderr), decode(s.message)].filter((t) => t !== '').join('\n');
  let status: RunOutcome['status'];
  let output: string;
  if (id === 3 || id === 4) {
    status = 'SUCCESS';
    output = joined;
  } else if (id === 5) {
    status = 'FAIL';
    output = stdout + TIMEOUT_LINE;
  } else if (id === 6) {
    status = 'FAIL';
    output = `Compile Error: ${decode(s.compile_output)}`;
  } else if (id >= 7 && id <= 12) {
    status = 'FAIL';
    output = joined;
  } else {
    status = 'ERROR';
    output = joined;
  }
  return { final: true, status, output: capOutput(output, maxOutputChars) };
}

/** The final result a Judge0 submission reports, or `undefined` while it is not final (see `mapJudge0Submission`). */
export function finalJudge0Outcome(submission: unknown, maxOutputChars = 20_000): RunOutcome | undefined {
  const outcome = mapJudge0Submission(submission, maxOutputChars);
  return outcome.final ? { status: outcome.status, output: outcome.output } : undefined;
}

function statusId(status: unknown): number | undefined {
  if (status === null || typeof status !== 'object') return undefined;
  const id = (status as { id?: unknown }).id;
  return typeof id === 'number' && Number.isInteger(id) ? id : undefined;
}

/** Base64 (with any whitespace) → UTF-8 text; `null`/absent → `''`. */
function decode(field: unknown): string {
  if (typeof field !== 'string') return '';
  return Buffer.from(field.replace(/\s+/g, ''), 'base64').toString('utf8');
}
