import type { Language } from './language';

/**
 * Where a job is in its life (compile.md §5):
 * `PENDING` → `DONE` (first valid result), `TIMED_OUT` (deadline passed) or `ABANDONED`
 * (dispatch failed). Only `PENDING` changes; the three others are final.
 */
export type CompileJobState = 'PENDING' | 'DONE' | 'TIMED_OUT' | 'ABANDONED';

/** A result reported by a backend, with the worker protocol's meaning (compile.md §3). */
export interface CompileResult {
  readonly status: 'SUCCESS' | 'FAIL' | 'ERROR';
  /** Program output; already capped when stored (`capOutput`). */
  readonly output: string;
}

/** A result as a backend reports it, before it is stored: `output` may be `null` (stored as `""`). */
export interface ReportedResult {
  readonly status: CompileResult['status'];
  readonly output: string | null;
}

/** What is known of a job when it is issued. */
export interface NewCompileJob {
  /** Random UUID v4, canonical lower case. */
  readonly jobId: string;
  readonly userId: number;
  readonly language: Language;
  readonly createdAt: Date;
}

/** A job record, kept for `COMPILE_JOB_RETENTION_S` after it was issued. */
export interface CompileJob extends NewCompileJob {
  readonly state: CompileJobState;
  /** Set once the job is `DONE`. */
  readonly result?: CompileResult;
}

/** Appended to output cut at the cap (compile.md §2.4). */
export const OUTPUT_TRUNCATION_MARKER = '\n[output truncated]';

/**
 * Applies the output cap of compile.md §2.4: `null` becomes `""`; text longer than `maxChars`
 * UTF-16 code units is cut to that length (one less when the cut would split a surrogate pair)
 * and `\n[output truncated]` is appended.
 */
export function capOutput(output: string | null | undefined, maxChars: number): string {
  if (output === null || output === undefined) return '';
  if (output.length <= maxChars) return output;
  let cut = maxChars;
  const last = output.charCodeAt(cut - 1);
  if (cut > 0 && last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return output.slice(0, cut) + OUTPUT_TRUNCATION_MARKER;
}

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True for a UUID in canonical form: 8-4-4-4-12 lower-case hexadecimal digits. */
export function isCanonicalUuid(value: string): boolean {
  return CANONICAL_UUID.test(value);
}
