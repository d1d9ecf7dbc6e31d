import type { WireCode } from '../../wire';

/**
 * What the OpenAPI document says about one route (`METHOD /path/:param`, as registered on the
 * router). Texts follow the wire contract's notation (who: `public`, `user`, `member(c)`,
 * `staff(c)`, `admin`, …).
 */
export interface RouteDoc {
  /** Group of the operation (OpenAPI tag). */
  readonly tag: string;
  /** Who may call it. */
  readonly who: string;
  /** Code of the enveloped 200 answer, when the route answers with the envelope. */
  readonly success?: WireCode;
  /** The un-enveloped (RAW) 200 body, described, when the route answers RAW. */
  readonly raw?: string;
  /** Media type of the RAW body when it is not JSON (the Excel downloads). */
  readonly rawType?: string;
  /** The request: body fields (`{a, b?}`) or query parameters, described. */
  readonly request?: string;
  /** Failure codes the route answers with (their HTTP status comes from the catalogue). */
  readonly errors: readonly WireCode[];
  /** The configuration under which the route exists (it is not registered otherwise). */
  readonly only?: string;
}

/** The media type of the Excel downloads. */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Every REST route of the API, keyed `METHOD /path` with router parameters. A test compares this
 * table with the router: a route registered without an entry here (or an entry without a route)
 * fails the build.
 */
export const ROUTE_CATALOGUE: Readonly<Record<string, RouteDoc>> = {
  'GET /api/class/:classId/participants': { tag: 'classroom', who: 'member(c) or admin (FIX)', raw: 'ParticipantsResponse (§4)', errors: ['CLASS_001', 'CLASS_002'] },
  'GET /api/class/:classId/students': { tag: 'classroom', who: 'member(c) or admin (FIX)', raw: '[ParticipantInfo]', errors: ['CLASS_001', 'CLASS_002'] },
  'GET /api/class/:classId/count': { tag: 'classroom', who: 'member(c) or admin (FIX)', raw: '{"classId":1,"count":3}', errors: ['CLASS_001', 'CLASS_002'] },
  'GET /api/class/:classId/code/instructor': { tag: 'classroom', who: 'member(c) or admin (FIX)', raw: 'CodeResponse', errors: ['CLASS_001', 'CLASS_002'] },
  'GET /api/class/:classId/code/student/:studentId': { tag: 'classroom', who: 'inst(c), admin, or the student {studentId} themself (FIX: was anyone)', raw: 'CodeResponse', errors: ['CLASS_001', 'CLASS_002', 'PART_001'] },
  'POST /api/class/:classId/end': { tag: 'classroom', who: 'staff(c) (FIX: was any user)', raw: 'empty body, HTTP 200', errors: ['CLASS_001', 'CLASS_002', 'CLASS_012'] },
  'POST /api/class/:classId/kick/:userId': { tag: 'classroom', who: 'staff(c) (FIX)', raw: 'empty body, HTTP 200', request: 'optional reason, at most 200 characters (longer → 400 GLOBAL_411)', errors: ['CLASS_001', 'CLASS_002', 'CLASS_012', 'PART_004', 'PART_001', 'GLOBAL_411'] },
  'POST /api/livekit/token': { tag: 'livekit', who: 'member(c) of the class named by roomName, class active, not kicked', raw: '{"token":"<jwt>"}', request: '{roomName:"<classId>", role?}. role is ignored. {classId} is accepted when roomName is absent.', errors: [] },
  'POST /api/livekit/room': { tag: 'livekit', who: 'staff(c)', raw: '{"roomName":"1"}', request: '{"roomName":"1"}', errors: [] },
  'POST /api/livekit/room/end': { tag: 'livekit', who: 'staff(c)', raw: '{"ended":true}', request: '{"roomName":"1"}', errors: [] },
  'GET /api/livekit/room/:roomName/participants': { tag: 'livekit', who: 'staff(c)', raw: '[{"identity":"user-7","publisher":true}]', errors: [] },
  'GET /api/livekit/rooms': { tag: 'livekit', who: 'admin (others get 403 GLOBAL_403)', raw: '[Room…] (livekit.md §3)', errors: [] },
  'POST /api/auth/login': { tag: 'auth', who: 'public', success: 'AUTH_000', request: '{email, password}', errors: ['VALID_USR_005', 'VALID_USR_007', 'VALID_USR_008', 'VALID_USR_006', 'VALID_USR_009', 'VALID_USR_010', 'VALID_USR_011', 'AUTH_204', 'AUTH_101', 'AUTH_201', 'AUTH_103'] },
  'POST /api/auth/logout': { tag: 'auth', who: 'public route. It authenticates with the AT (header or cookie) or with the refreshToken cookie.', success: 'AUTH_001', request: 'body ignored (the client sends {})', errors: ['GLOBAL_401'] },
  'POST /api/auth/register': { tag: 'auth', who: 'public', success: 'AUTH_002', request: '{email, name, password, confirmPassword}', errors: ['AUTH_103', 'AUTH_102', 'VALID_USR_002', 'VALID_USR_003', 'VALID_USR_004', 'VALID_USR_009', 'VALID_USR_012', 'VALID_USR_013', 'AUTH_304'] },
  'GET /api/auth/email/check': { tag: 'auth', who: 'public', success: 'AUTH_003', request: 'query email (required)', errors: ['GLOBAL_411', 'GLOBAL_429', 'AUTH_102'] },
  'POST /api/auth/email/send': { tag: 'auth', who: 'public', success: 'AUTH_004', request: '{email}', errors: ['AUTH_102', 'VALID_USR_005', 'AUTH_306', 'AUTH_303'] },
  'POST /api/auth/email/verify': { tag: 'auth', who: 'public', success: 'AUTH_003', request: '{email, code}', errors: ['AUTH_301', 'AUTH_305', 'AUTH_302'] },
  'POST /api/auth/password/forgot': { tag: 'auth', who: 'public', success: 'AUTH_007', request: '{email}. The same answer whether or not an account has the email (no enumeration); only ACTIVE LOCAL accounts get the mailed code.', errors: ['VALID_USR_005', 'VALID_USR_007', 'VALID_USR_008', 'VALID_USR_006', 'AUTH_306', 'AUTH_303'] },
  'POST /api/auth/password/reset': { tag: 'auth', who: 'public', success: 'AUTH_008', request: '{email, code, newPassword}. Revokes every session family of the user; sets no cookie.', errors: ['VALID_USR_005', 'VALID_USR_007', 'VALID_USR_008', 'VALID_USR_006', 'VALID_USR_009', 'VALID_USR_010', 'VALID_USR_011', 'VALID_USR_012', 'AUTH_301', 'AUTH_305', 'AUTH_302'] },
  'GET /api/auth/google/login': { tag: 'auth', who: 'public', errors: ['GLOBAL_503'] },
  'GET /api/auth/google/callback': { tag: 'auth', who: 'public', request: 'query code, state; cookie oauthState', errors: ['AUTH_501', 'AUTH_503', 'AUTH_502', 'AUTH_504', 'AUTH_103'] },
  'POST /api/auth/refresh': { tag: 'auth', who: 'public', success: 'AUTH_005', request: 'cookie refreshToken; body ignored', errors: ['AUTH_402', 'AUTH_403', 'AUTH_404'] },
  'GET /api/me': { tag: 'me', who: 'user', success: 'AUTH_006', errors: ['GLOBAL_401', 'AUTH_401'] },
  'GET /api/class/:classId': { tag: 'classroom', who: 'member(c) or admin', success: 'GLOBAL_000', errors: ['CLASS_001', 'CLASS_008', 'CLASS_002', 'CLASS_003', 'CLASS_004'] },
  'GET /api/classroom/:classId': { tag: 'classroom', who: 'as GET /api/class/{classId} (NEW alias)', errors: ['CLASS_001', 'CLASS_002'] },
  'GET /api/chat/history': { tag: 'chat', who: 'member(c) or admin (FIX)', success: 'CHAT_001', request: 'query classId (required)', errors: ['GLOBAL_411', 'CLASS_001', 'CLASS_002'] },
  'POST /api/chat/reaction': { tag: 'chat', who: 'member(c) of the message\'s class, not kicked', success: 'CHAT_000', request: '{chatId}', errors: ['GLOBAL_410', 'CHAT_004', 'CLASS_002', 'CLASS_010', 'CHAT_005'] },
  'GET /api/chat/:chatId/reactions': { tag: 'chat', who: 'member(c) of the message\'s class, or admin', success: 'CHAT_000', errors: ['CHAT_004', 'CLASS_002'] },
  'GET /api/chat/:chatId/reacted': { tag: 'chat', who: 'member(c) of the message\'s class, or admin', success: 'CHAT_000', errors: ['CHAT_004', 'CLASS_002'] },
  'POST /api/snapshot': { tag: 'snapshots', who: 'user', success: 'SNAPSHOT_000', request: '{classId, title, content, language, updatedAt?}. userId and updatedAt in the body are ignored.', errors: ['SNAPSHOT_009', 'SNAPSHOT_010', 'SNAPSHOT_006', 'SNAPSHOT_013', 'CLASS_001', 'SNAPSHOT_012', 'CLASS_002'] },
  'POST /api/snapshot/': { tag: 'snapshots', who: 'user', success: 'SNAPSHOT_000', request: '{classId, title, content, language, updatedAt?}. userId and updatedAt in the body are ignored.', errors: ['SNAPSHOT_009', 'SNAPSHOT_010', 'SNAPSHOT_006', 'SNAPSHOT_013', 'CLASS_001', 'SNAPSHOT_012', 'CLASS_002'] },
  'POST /api/snapshot/update': { tag: 'snapshots', who: 'user', success: 'SNAPSHOT_001', request: '{classId, title, content}', errors: ['GLOBAL_411', 'SNAPSHOT_004', 'SNAPSHOT_005'] },
  'GET /api/snapshot/read/each': { tag: 'snapshots', who: 'user', success: 'SNAPSHOT_003', errors: ['GLOBAL_411', 'SNAPSHOT_004'] },
  'GET /api/snapshot/read': { tag: 'snapshots', who: 'user', success: 'SNAPSHOT_003', request: 'default size 3', errors: ['GLOBAL_411'] },
  'GET /api/snapshot/read/title': { tag: 'snapshots', who: 'user', success: 'SNAPSHOT_003', request: 'title is matched as a case-insensitive substring', errors: ['GLOBAL_411', 'SNAPSHOT_007'] },
  'GET /api/snapshot/read/content': { tag: 'snapshots', who: 'user', request: 'substring match on content', errors: ['GLOBAL_411'] },
  'GET /api/snapshot/read/date': { tag: 'snapshots', who: 'user', errors: ['SNAPSHOT_011', 'SNAPSHOT_007'] },
  'GET /api/snapshot/read/title/date': { tag: 'snapshots', who: 'user', errors: [] },
  'GET /api/snapshot/read/content/date': { tag: 'snapshots', who: 'user', errors: [] },
  'GET /api/snapshot/read/onlytitle/date': { tag: 'snapshots', who: 'user', errors: [] },
  'GET /api/snapshot/read/language/date': { tag: 'snapshots', who: 'user', request: 'default size 10. sort accepts createdAt or updatedAt, each asc/desc; anything else means createdAt desc.', errors: ['SNAPSHOT_012', 'SNAPSHOT_011'] },
  'GET /api/snapshot/read/title/language/date': { tag: 'snapshots', who: 'user', request: 'Every filter is optional. title is a case-insensitive substring. A date filter applies only with day, or with both bounds.', errors: ['CLASS_001', 'SNAPSHOT_012'] },
  'POST /api/snapshot/delete': { tag: 'snapshots', who: 'user', success: 'SNAPSHOT_002', request: 'body ignored (the client sends null)', errors: ['GLOBAL_411', 'SNAPSHOT_004'] },
  'GET /api/mypage/classes': { tag: 'mypage', who: 'user (not ADMIN)', request: 'sort is ignored (the client sends sort=createdAt,desc)', errors: ['USER_002'] },
  'GET /api/mypage/detail/:classId': { tag: 'mypage', who: 'member(c) or admin (FIX)', errors: ['FILE_020', 'GLOBAL_411', 'CLASS_001', 'CLASS_002'] },
  'POST /api/mypage/password/update': { tag: 'mypage', who: 'user', request: '{currentPassword, newPassword, confirmPassword}', errors: ['AUTH_601', 'AUTH_602', 'VALID_USR_009'] },
  'POST /api/mypage/profile/update': { tag: 'mypage', who: 'user', request: '{name}', errors: ['VALID_USR_002', 'VALID_USR_003', 'VALID_USR_004'] },
  'POST /api/mypage/delete': { tag: 'mypage', who: 'user', errors: ['AUTH_103'] },
  'POST /api/livekit/webhook': { tag: 'livekit', who: 'public: LiveKit (signed Authorization header, no user)', success: 'GLOBAL_000', request: 'raw body application/webhook+json', errors: [] },
  'POST /api/compile/run': { tag: 'compile', who: 'user', success: 'COMPILE_000', request: '{code:"<base64 of UTF-8 source>", language?:"java"}', errors: ['GLOBAL_401', 'GLOBAL_410', 'COMPILE_003', 'COMPILE_013', 'COMPILE_009', 'COMPILE_010', 'COMPILE_004', 'COMPILE_005', 'COMPILE_006'] },
  'POST /api/compile/callback/:jobId': { tag: 'compile', who: 'public: the compile worker (per-job token in the query, no user)', success: 'COMPILE_000', request: '{jobId?, status, output}', errors: ['COMPILE_011', 'COMPILE_012'] },
  'PUT /api/compile/judge0/callback/:jobId': { tag: 'compile', who: 'public: Judge0 (per-job token in the query)', only: 'COMPILE_BACKEND=judge0', success: 'COMPILE_000', request: 'Judge0 submission JSON {status, stdout, stderr, compile_output, …}', errors: ['COMPILE_011', 'COMPILE_012'] },
  'POST /api/admin/users/create': { tag: 'admin-users', who: 'admin', success: 'ADM_COM_000', request: '{email, name, role:"STUDENT"\\|"INSTRUCTOR"}; role is case-insensitive', errors: ['VALID_USR_002', 'VALID_USR_005', 'VALID_USR_014', 'VALID_USR_015', 'VALID_USR_016', 'AUTH_102'] },
  'GET /api/admin/users': { tag: 'admin-users', who: 'admin', success: 'ADM_COM_000', request: 'keyword is a case-insensitive substring of email or name. role (STUDENT/INSTRUCTOR/ADMIN) and status (ACTIVE/INACTIVE) are case-insensitive; invalid values are ignored. startDate/endDate filter createdAt as whole days; a bad format → GLOBAL_411. sortBy ∈ name, email, c', errors: ['GLOBAL_411'] },
  'GET /api/admin/users/:userId': { tag: 'admin-users', who: 'admin', success: 'ADM_COM_000', errors: ['ADM_USR_001'] },
  'GET /api/admin/users/:userId/history': { tag: 'admin-users', who: 'admin', success: 'ADM_COM_000', errors: ['ADM_USR_001'] },
  'POST /api/admin/users/:userId/edit': { tag: 'admin-users', who: 'admin', success: 'ADM_COM_000', request: '{email, name, role}', errors: ['ADM_USR_001', 'ADM_USR_003', 'AUTH_102'] },
  'POST /api/admin/users/:userId/delete': { tag: 'admin-users', who: 'admin', success: 'ADM_COM_000', errors: ['ADM_USR_001', 'ADM_USR_002'] },
  'DELETE /api/admin/users/:userId': { tag: 'admin-users', who: 'admin', success: 'ADM_COM_000', errors: [] },
  'POST /api/admin/users/:userId/deactivate': { tag: 'admin-users', who: 'admin', success: 'ADM_COM_000', errors: [] },
  'POST /api/admin/users/:userId/activate': { tag: 'admin-users', who: 'admin', success: 'ADM_COM_000', errors: ['ADM_USR_001', 'ADM_USR_003'] },
  'POST /api/admin/users/:userId/role': { tag: 'admin-users', who: 'admin', success: 'ADM_COM_000', request: '{role}, case-insensitive (FIX: lower case was 500)', errors: ['ADM_USR_001', 'VALID_USR_014', 'VALID_USR_016', 'ADM_USR_004', 'ADM_USR_003'] },
  'GET /api/admin/users/:userId/classes': { tag: 'admin-users', who: 'admin', success: 'ADM_COM_000', errors: ['ADM_USR_001'] },
  'POST /api/admin/users/:userId/password/reset': { tag: 'admin-users', who: 'admin', success: 'ADM_COM_000', request: 'body ignored. data: {userId, email, temporaryPassword}; every session family of the user is revoked.', errors: ['GLOBAL_400', 'ADM_USR_001', 'ADM_USR_003'] },
  'POST /api/admin/classes/create': { tag: 'admin-classes', who: 'admin', success: 'ADM_CLS_000', request: '{title, description?, instructorId, isOnline, startDate, endDate, startTime, endTime}', errors: [] },
  'GET /api/admin/classes/:classId': { tag: 'admin-classes', who: 'admin', success: 'ADM_COM_000', errors: ['CLASS_001'] },
  'POST /api/admin/classes/:classId/edit': { tag: 'admin-classes', who: 'admin', success: 'ADM_COM_000', request: 'same fields as create', errors: ['CLASS_001'] },
  'POST /api/admin/classes/:classId/delete': { tag: 'admin-classes', who: 'admin', success: 'ADM_COM_000', errors: ['CLASS_001'] },
  'POST /api/admin/classes/:classId/students/assign': { tag: 'admin-classes', who: 'admin', success: 'ADM_COM_000', request: '{studentIds:[…]}', errors: ['VALID_CLA_032', 'CLASS_001'] },
  'POST /api/admin/classes/:classId/students/delete': { tag: 'admin-classes', who: 'admin', success: 'ADM_COM_000', request: '{studentIds}', errors: [] },
  'GET /api/admin/classes': { tag: 'admin-classes', who: 'admin', success: 'ADM_COM_000', request: 'keyword is a case-insensitive substring of the title or the instructor name. Filters: startDate ≤ c.startDate, c.endDate ≤ endDate, startTime ≤ c.startTime, c.endTime ≤ endTime (FIX: the time filters used to be ignored). sortBy ∈ createdAt,title,startDate,endDate,startTime,endTime;', errors: ['GLOBAL_411'] },
  'GET /api/admin/classes/:classId/students': { tag: 'admin-classes', who: 'admin', success: 'ADM_COM_000', request: 'keyword matches name or email. Always sorted by enrolment time in sortDirection.', errors: ['CLASS_001'] },
  'GET /api/admin/classes/instructors': { tag: 'admin-classes', who: 'admin', success: 'ADM_COM_000', errors: [] },
  'GET /api/admin/classes/:classId/students/available': { tag: 'admin-classes', who: 'admin', success: 'ADM_COM_000', errors: ['ADM_CLS_001'] },
  'POST /api/admin/users/bulk': { tag: 'admin-users', who: 'admin', raw: 'xlsx bulk_create_result_YYYYMMDD.xlsx, sheet 일괄 생성 결과: 이메일, 이름, 권한, 임시 비밀번호, 성공 여부 (성공/실패), 비고', rawType: XLSX, request: 'multipart file (.xlsx; at most 5 MB and 1000 rows; header email,name,role; a blank role means STUDENT)', errors: ['GLOBAL_415', 'GLOBAL_400', 'GLOBAL_413', 'ADM_USR_100', 'ADM_USR_101', 'ADM_USR_102', 'ADM_USR_103', 'ADM_USR_104', 'ADM_USR_105', 'ADM_USR_109', 'ADM_USR_110', 'ADM_USR_106', 'ADM_USR_107', 'ADM_USR_108'] },
  'GET /api/admin/users/export': { tag: 'admin-users', who: 'admin', raw: 'xlsx users_YYYYMMDD.xlsx, sheet 사용자 목록: 번호, 이름, 이메일, 구분 (관리자/강사/학생), 가입일 (yyyy-MM-dd HH:mm:ss), oldest account first', rawType: XLSX, request: 'query keyword, role, status, startDate, endDate as for GET /api/admin/users', errors: ['GLOBAL_411'] },
  'GET /api/admin/users/template/download': { tag: 'admin-users', who: 'admin', raw: 'xlsx user_upload_template.xlsx, sheet 사용자 등록: header email,name,role and two example rows', rawType: XLSX, errors: [] },
  'GET /api/admin/classes/:classId/export': { tag: 'admin-classes', who: 'admin', raw: 'xlsx class_{id}_{yyyyMMdd}.xlsx: sheets 클래스 정보 (항목/내용 rows) and 수강생 목록 (번호, 이름, 이메일, 등록일)', rawType: XLSX, errors: ['GLOBAL_411', 'CLASS_001'] },
  'GET /api/admin/classes/list/export': { tag: 'admin-classes', who: 'admin', raw: 'xlsx classes_{yyyyMMdd}.xlsx: 번호, 클래스명, 담당 강사, 수업 유형, 시작일, 종료일, 수업 시간 (HH:mm ~ HH:mm), 수강생 수, 상태, 생성일', rawType: XLSX, request: 'query keyword, startDate, endDate, startTime, endTime, sortBy, sortDirection as for GET /api/admin/classes', errors: ['GLOBAL_411'] },
  'POST /api/mypage/files/upload': { tag: 'files', who: 'staff(c) (FIX: was any non-student)', success: 'GLOBAL_000', request: 'multipart/form-data: classId, lectureDate (yyyy-MM-dd), files (repeatable, 1–10, each at most 10 MiB, extension jpg/jpeg/png/pdf/txt/zip whose bytes match it). data: [{classroomFileId, fileId, fileName, fileUrl (short-lived presigned URL), uploadedBy (uploader name), createdAt}]', errors: ['GLOBAL_415', 'FILE_005', 'FILE_008', 'FILE_009', 'FILE_013', 'FILE_014', 'FILE_015', 'FILE_017', 'FILE_018', 'FILE_019', 'FILE_020', 'CLASS_001', 'CLASS_002', 'CLASS_012', 'S3_001'] },
  'GET /api/mypage/:classId/files': { tag: 'files', who: 'member(c) or admin', success: 'GLOBAL_000', request: 'query page, size (default 10). data: Page<file item>, newest first', errors: ['CLASS_001', 'CLASS_002', 'GLOBAL_411'] },
  'GET /api/mypage/:classId/files/by-date': { tag: 'files', who: 'member(c) or admin', success: 'GLOBAL_000', request: 'query lectureDate (yyyy-MM-dd), page, size (default 10). data: Page<file item>', errors: ['FILE_018', 'FILE_019', 'CLASS_001', 'CLASS_002', 'GLOBAL_411'] },
  'DELETE /api/mypage/files/batch': { tag: 'files', who: 'the uploader, inst(c) or admin', success: 'GLOBAL_000', request: '{fileIds:[classroomFileId…]} (1–100 positive integers); all or none', errors: ['GLOBAL_410', 'FILE_001', 'FILE_010'] },
  'POST /api/mypage/profile/image/update': { tag: 'files', who: 'user (self)', success: 'GLOBAL_000', request: 'multipart/form-data: photo (optional; jpg/jpeg/png/gif/webp, at most 10 MiB, bytes matching the extension). Without photo nothing changes.', errors: ['GLOBAL_415', 'FILE_005', 'FILE_008', 'FILE_009', 'FILE_014', 'FILE_015', 'FILE_017', 'S3_001'] },
  'POST /api/mypage/profile/image/delete': { tag: 'files', who: 'user (self)', success: 'GLOBAL_000', errors: [] },
  'POST /api/mypage/classroom/:classId/thumbnail': { tag: 'files', who: 'staff(c) (FIX: was anyone)', success: 'GLOBAL_000', request: 'multipart/form-data: thumbnail (jpg/jpeg/png/gif/webp, at most 10 MiB, bytes matching the extension)', errors: ['GLOBAL_415', 'FILE_005', 'FILE_008', 'FILE_009', 'FILE_013', 'FILE_014', 'FILE_015', 'FILE_017', 'CLASS_001', 'CLASS_002', 'CLASS_012', 'S3_001'] },
  'GET /api/files/*key': { tag: 'files', who: 'anyone holding a signed URL (the signature is the credential)', raw: 'the file bytes (Content-Disposition, nosniff, sandbox CSP); with S3, 302 to a presigned URL', request: 'query n (file name), d (i|a), e (expiry, epoch seconds), s (HMAC signature)', errors: ['FILE_005', 'FILE_010', 'FILE_001'] },
  'GET /healthz': { tag: 'operations', who: 'public', success: 'GLOBAL_000', errors: [] },
  'GET /readyz': { tag: 'operations', who: 'public', success: 'GLOBAL_000', errors: ['GLOBAL_503'] },
  'GET /metrics': { tag: 'operations', who: 'public route: Bearer METRICS_TOKEN when set, else loopback peers only', raw: 'Prometheus text format (text/plain; version=0.0.4)', errors: ['GLOBAL_401', 'GLOBAL_403'] },
  'GET /api/openapi.json': { tag: 'operations', who: 'public', raw: 'this OpenAPI 3.1 document', errors: [] },
};
