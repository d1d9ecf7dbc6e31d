import { HttpClient } from '../../support/test-server';

/** A logged-in user: REST client with cookies, its access token and ids from the token. */
export interface Actor {
  readonly id: number;
  readonly email: string;
  readonly password: string;
  readonly http: HttpClient;
  /** The current access token (the `accessToken` cookie). */
  readonly token: string;
  /** The session family (`sid` claim). */
  readonly familyId: string;
}

/** Claims of an access token, read without verification (tests only). */
export function claimsOf(token: string): { sub: string; sid: string; email: string; role: string } {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { sub: string; sid: string; email: string; role: string };
}

/** Logs in (a new session family each time). */
export async function logIn(baseUrl: string, email: string, password: string): Promise<Actor> {
  const http = new HttpClient(baseUrl);
  await http.login(email, password);
  const token = http.cookies.get('accessToken')!;
  const claims = claimsOf(token);
  return { id: Number(claims.sub), email, password, http, token, familyId: claims.sid };
}

/** Creates a LOCAL account through the admin API and logs it in. */
export async function createAccount(admin: HttpClient, email: string, name: string, role: 'STUDENT' | 'INSTRUCTOR'): Promise<Actor> {
  const r = await admin.json('POST', '/api/admin/users/create', { body: { email, name, role } });
  if (r.status !== 200) throw new Error(`create ${email}: ${r.status} ${JSON.stringify(r.body)}`);
  const password = (r.body.data as { temporaryPassword: string }).temporaryPassword;
  return logIn(admin.baseUrl, email, password);
}

/**
 * Creates an active class through the admin API and enrols students. Its course starts in two days
 * (a start date of "today" depends on APP_TIME_ZONE); live features ignore the time window.
 */
export async function createClass(admin: HttpClient, instructorId: number, studentIds: number[], title = '라이브 테스트'): Promise<number> {
  const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const r = await admin.json('POST', '/api/admin/classes/create', {
    body: { title, instructorId, isOnline: true, startDate: day, endDate: day, startTime: '00:00:00', endTime: '12:00:00' },
  });
  if (r.status !== 200) throw new Error(`create class: ${r.status} ${JSON.stringify(r.body)}`);
  const classId = (r.body.data as { classId: number }).classId;
  if (studentIds.length) {
    const a = await admin.json('POST', `/api/admin/classes/${classId}/students/assign`, { body: { studentIds } });
    if (a.status !== 200) throw new Error(`assign: ${a.status} ${JSON.stringify(a.body)}`);
  }
  return classId;
}

/** The seeded demo class and its people, plus accounts outside it. */
export interface Cast {
  /** The demo class (id 1): `instructor` teaches, `student1` and `student2` are enrolled. */
  readonly classId: number;
  readonly admin: Actor;
  readonly instructor: Actor;
  readonly student1: Actor;
  readonly student2: Actor;
  /** A student enrolled nowhere. */
  readonly outsider: Actor;
  /** An instructor of another class (`otherClassId`), in which `student1` is also enrolled. */
  readonly otherInstructor: Actor;
  readonly otherClassId: number;
}

/** Logs in the demo users (SEED_DEMO_DATA) and creates the extra accounts and the second class. */
export async function castOf(baseUrl: string): Promise<Cast> {
  const [admin, instructor, student1, student2] = await Promise.all([
    logIn(baseUrl, 'admin@test.local', 'Admin1234!'),
    logIn(baseUrl, 'instructor@sooscode.local', 'Instructor1!'),
    logIn(baseUrl, 'student1@sooscode.local', 'Student1!'),
    logIn(baseUrl, 'student2@sooscode.local', 'Student2!'),
  ]);
  const outsider = await createAccount(admin.http, 'outsider@test.local', '최외부', 'STUDENT');
  const otherInstructor = await createAccount(admin.http, 'teacher2@test.local', '정강사', 'INSTRUCTOR');
  const otherClassId = await createClass(admin.http, otherInstructor.id, [student1.id], '다른 클래스');
  return { classId: 1, admin, instructor, student1, student2, outsider, otherInstructor, otherClassId };
}

/** Topics of a class. */
export const topics = {
  chat: (c: number) => `/topic/class/${c}/chat`,
  participants: (c: number) => `/topic/class/${c}/participants`,
  system: (c: number) => `/topic/class/${c}/system`,
  mode: (c: number) => `/topic/class/${c}/mode`,
  typing: (c: number) => `/topic/class/${c}/typing`,
  instructorCode: (c: number) => `/topic/code/instructor/${c}`,
  studentCode: (c: number, s: number) => `/topic/code/student/${c}/${s}`,
} as const;
