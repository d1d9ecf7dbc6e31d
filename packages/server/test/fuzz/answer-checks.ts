import type { WireCode } from '@sooscode/adapters/wire/wire-code';
import { STATUS_CODES } from '@sooscode/adapters/http/status-codes';

/**
 * The only 5xx codes the contract documents for hostile input to reach: a feature that is not
 * configured (`GLOBAL_503`), the LiveKit Room API failing (`LIVEKIT_002`) and the compile backend
 * being unreachable, late or failing (`COMPILE_004`, `COMPILE_005`, `COMPILE_006`).
 */
export const DOCUMENTED_5XX: ReadonlySet<string> = new Set(['GLOBAL_503', 'LIVEKIT_002', 'COMPILE_004', 'COMPILE_005', 'COMPILE_006']);

/** Successes with a RAW (un-enveloped) body, http.md §1.3 (JSON, empty, or the binary Excel files of §12), as `METHOD template`. */
export const RAW_SUCCESSES: ReadonlySet<string> = new Set([
  'GET /api/class/:classId/participants',
  'GET /api/class/:classId/students',
  'GET /api/class/:classId/count',
  'GET /api/class/:classId/code/instructor',
  'GET /api/class/:classId/code/student/:studentId',
  'POST /api/class/:classId/end',
  'POST /api/class/:classId/kick/:userId',
  'POST /api/livekit/token',
  'POST /api/livekit/room',
  'POST /api/livekit/room/end',
  'GET /api/livekit/room/:roomName/participants',
  'GET /api/livekit/rooms',
  'POST /api/admin/users/bulk',
  'GET /api/admin/users/export',
  'GET /api/admin/users/template/download',
  'GET /api/admin/classes/:classId/export',
  'GET /api/admin/classes/list/export',
]);

const ENVELOPE_KEYS = ['success', 'status', 'code', 'message'];
const DETAILED = new Set(['GLOBAL_410', 'GLOBAL_411']);

/** What is wrong with an envelope `value` answered with HTTP `status`, or undefined when it is one. */
export function envelopeProblem(status: number, value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const body = value as Record<string, unknown>;
  const keys = Object.keys(body);
  const expected = keys.length === 5 ? [...ENVELOPE_KEYS, 'data'] : ENVELOPE_KEYS;
  if (keys.join() !== expected.join()) return `keys ${keys.join()}`;
  const entry = STATUS_CODES[body.code as WireCode] as { status: number; message: string } | undefined;
  if (!entry) return `unknown code ${String(body.code)}`;
  if (body.status !== status || entry.status !== status) return `status ${status} with ${String(body.code)}`;
  if (body.success !== status < 300) return 'success flag';
  const message = String(body.message);
  if (message !== entry.message && !(DETAILED.has(body.code as string) && message.startsWith(`${entry.message} - `))) return `message ${message}`;
  return undefined;
}

/** A 5xx that the contract does not document, or undefined. */
export function undocumented5xx(status: number, value: unknown): string | undefined {
  if (status < 500) return undefined;
  const code = (value as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DOCUMENTED_5XX.has(code) ? undefined : `undocumented ${status} ${String(code)}`;
}
