import fc from 'fast-check';
import { FUZZ_ACTORS, type FuzzActor } from './fuzz-world';
import { hostileDate, hostileJson, hostileNumber, hostileString, hostileText, urlValue } from './hostile-values';
import type { RouteEntry } from './route-table';

/** How a fuzzed request carries its body. */
export type BodyMode = 'none' | 'json' | 'text' | 'oversized' | 'chunked';

/** One fuzzed HTTP request. */
export interface HttpCase {
  readonly actor: FuzzActor;
  readonly route: RouteEntry;
  readonly method: string;
  /** The path with every placeholder filled (percent-encoded). */
  readonly path: string;
  readonly query: string;
  readonly bodyMode: BodyMode;
  /** The body text (`json`/`text`), or its size in bytes (`oversized`/`chunked`). */
  readonly body: string | number;
  readonly contentType: string | undefined;
  readonly origin: string | undefined;
}

/**
 * Longest text in one path or query value, in UTF-16 units. Percent-encoded (up to 9 characters per
 * unit) and with up to eight values, a URL stays under Node's 16 KiB header limit, beyond which the
 * HTTP parser itself answers a bare 431 before the application sees the request (docs/http.md).
 */
const URL_TEXT_MAX = 150;

/** Query parameter names of the contract (the routes read these; unknown ones are ignored). */
const QUERY_NAMES = [
  'classId', 'snapshotId', 'day', 'startDate', 'endDate', 'startTime', 'endTime', 'page', 'size', 'sort', 'sortBy', 'sortDirection',
  'keyword', 'title', 'content', 'language', 'role', 'status', 'email', 'reason', 'token', 'limit', 'before', 'code', 'state', 'error', 'lectureDate',
];

/** Body field names of the contract, REST and compile/LiveKit callbacks. */
const FIELD_NAMES = [
  'email', 'password', 'confirmPassword', 'currentPassword', 'newPassword', 'name', 'title', 'content', 'language', 'classId', 'studentIds',
  'role', 'isOnline', 'startDate', 'endDate', 'startTime', 'endTime', 'instructorId', 'description', 'chatId', 'roomName', 'code', 'status',
  'output', 'jobId', 'updatedAt', 'userId', 'stdout', 'stderr', 'compile_output', 'event', 'id', 'createdAt', 'fileIds', 'mode', 'typing',
];

const CONTENT_TYPES = [
  'application/json', 'application/json; charset=utf-8', 'application/webhook+json', 'application/problem+json', 'text/plain',
  'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/jsonx', '*/*',
];

/** The ids worth hitting, read when each case is generated (the world may have replaced its class). */
export type LiveIds = () => readonly number[];

function liveId(ids: LiveIds): fc.Arbitrary<number> {
  return fc.nat({ max: 63 }).map((i) => {
    const pool = ids();
    return pool[i % pool.length]!;
  });
}

/** A value shaped like what the field expects (so checks past parsing run), or anything hostile. */
function fieldValue(name: string, ids: LiveIds): fc.Arbitrary<unknown> {
  const id = fc.oneof(liveId(ids), hostileNumber, hostileString);
  const plausible: Record<string, fc.Arbitrary<unknown>> = {
    email: fc.oneof(fc.constantFrom('admin@test.local', 'fuzz@test.local', 'a\u0000@b.cd', 'a@b', 'x'.repeat(60) + '@b.cd'), hostileString.map((s) => `${s}@b.cd`)),
    classId: id, instructorId: id, chatId: id, userId: id, snapshotId: id, replyToChatId: id,
    studentIds: fc.oneof(fc.array(id, { maxLength: 8 }), fc.integer({ min: 0, max: 3000 }).map((n) => Array.from({ length: n }, (_, i) => i + 1))),
    startDate: hostileDate, endDate: hostileDate,
    startTime: fc.constantFrom('09:00', '09:00:00', '23:59:59.999999999', '24:00', '9:00', '10:30'),
    endTime: fc.constantFrom('10:00', '18:00:00', '00:00', '25:61'),
    language: fc.constantFrom('java', 'JAVA', 'python', 'CSS_HTML_JS', 'cobol', ''),
    role: fc.constantFrom('STUDENT', 'INSTRUCTOR', 'ADMIN', 'student', ''),
    isOnline: fc.oneof(fc.boolean(), fc.constantFrom('true', 'no')),
    code: fc.oneof(fc.constantFrom('AAAA', 'cHJpbnQoMSk=', '123456', '!!!'), hostileString),
    status: fc.constantFrom('SUCCESS', 'FAIL', 'ERROR', 'PENDING'),
    mode: fc.constantFrom('VIEW_ONLY', 'FREE_PRACTICE', 'READ', 'x'),
  };
  return fc.oneof({ weight: 2, arbitrary: plausible[name] ?? hostileString }, { weight: 1, arbitrary: hostileJson });
}

function jsonBody(ids: LiveIds): fc.Arbitrary<string> {
  const object = fc
    .uniqueArray(fc.constantFrom(...FIELD_NAMES), { maxLength: 8 })
    .chain((names) => fc.tuple(...names.map((n) => fieldValue(n, ids))).map((values) => Object.fromEntries(names.map((n, i) => [n, values[i]]))));
  return fc.oneof(
    { weight: 8, arbitrary: object.map((o) => JSON.stringify(o)) },
    { weight: 1, arbitrary: hostileJson.map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: fc.constantFrom('', '{', '{"a":', 'null', '[]', '"text"', '{"a":1}{', '\u0000', '{"email":"\\ud800"}', '{"a":1e999999}') },
  );
}

/** Fills the placeholders of a route with known ids or hostile text. */
function filledPath(route: RouteEntry, ids: LiveIds): fc.Arbitrary<string> {
  const value = fc.oneof({ weight: 3, arbitrary: liveId(ids).map(String) }, { weight: 2, arbitrary: urlValue(hostileText(URL_TEXT_MAX)) }, {
    weight: 1,
    arbitrary: fc.uuid().map(String),
  });
  return fc.tuple(...route.params.map(() => value)).map((values) => {
    let i = 0;
    return route.path.replace(/:[A-Za-z]+/g, () => values[i++] || 'x');
  });
}

function queryOf(ids: LiveIds): fc.Arbitrary<string> {
  const value = fc.oneof(liveId(ids).map(String), urlValue(hostileText(URL_TEXT_MAX)), hostileDate, fc.constant(''));
  return fc.array(fc.tuple(fc.constantFrom(...QUERY_NAMES), value), { maxLength: 6 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
}

/** Fuzzed requests over `routes`: path ids, query values, bodies of any shape, content types, origins, actors. */
export function httpCases(routes: readonly RouteEntry[], ids: LiveIds): fc.Arbitrary<HttpCase> {
  const payload = fc.oneof(
    { weight: 400, arbitrary: fc.record({ bodyMode: fc.constant<BodyMode>('json'), body: jsonBody(ids) }) },
    { weight: 200, arbitrary: fc.record({ bodyMode: fc.constant<BodyMode>('none'), body: fc.constant('') }) },
    { weight: 100, arbitrary: fc.record({ bodyMode: fc.constant<BodyMode>('text'), body: hostileString }) },
    { weight: 2, arbitrary: fc.record({ bodyMode: fc.constantFrom<BodyMode>('oversized', 'chunked'), body: fc.integer({ min: 1024 * 1024 + 1, max: 1024 * 1024 + 4096 }) }) },
  );
  return fc.constantFrom(...routes).chain((route) =>
    fc
      .record({
        actor: fc.constantFrom(...FUZZ_ACTORS),
        method: fc.oneof({ weight: 9, arbitrary: fc.constant(route.method) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD') }),
        path: filledPath(route, ids),
        query: queryOf(ids),
        payload,
        contentType: fc.oneof({ weight: 6, arbitrary: fc.constant('application/json') }, { weight: 3, arbitrary: fc.constantFrom(...CONTENT_TYPES) }, { weight: 1, arbitrary: fc.constant(undefined) }),
        origin: fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('http://localhost:5173', 'http://evil.example', 'null') }),
      })
      .map(({ payload: p, ...c }) => ({ ...c, ...p, route })),
  );
}
