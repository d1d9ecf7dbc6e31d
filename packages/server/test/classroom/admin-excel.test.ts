import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '@sooscode/domain';
import { oleFile, readWorkbook, workbookOf, workbookParts, workbookWithoutSheets, zipOf } from '../../../adapters/test/excel/workbook-files';
import type { HttpClient } from '../support/test-server';
import { startClassroomFixture, type ClassroomFixture } from './classroom-fixture';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MESSAGES: Record<string, [number, string]> = {
  ADM_USR_100: [400, '파일이 비어있습니다'],
  ADM_USR_101: [400, '파일 크기가 5MB를 초과합니다'],
  ADM_USR_102: [400, '유효하지 않은 파일명입니다'],
  ADM_USR_103: [400, 'Excel 파일(.xlsx, .xls)만 업로드 가능합니다'],
  ADM_USR_104: [400, '허용되지 않은 파일 형식입니다'],
  ADM_USR_105: [400, '보안상 허용되지 않는 파일입니다'],
  ADM_USR_106: [400, 'Excel 헤더 형식이 올바르지 않습니다 (email, name 필수)'],
  ADM_USR_107: [400, '최대 1000건까지 일괄 등록 가능합니다'],
  ADM_USR_108: [400, '등록할 데이터가 없습니다'],
  ADM_USR_109: [400, 'Excel 파일 처리 중 오류가 발생했습니다'],
  ADM_USR_110: [400, 'Excel 파일 구조가 올바르지 않습니다'],
  GLOBAL_400: [400, '잘못된 요청입니다'],
  GLOBAL_413: [413, '요청 본문이 너무 큽니다'],
  GLOBAL_415: [415, '지원하지 않는 Content-Type입니다'],
  CLASS_001: [404, '클래스를 찾을 수 없습니다'],
};

/** A file part of a multipart upload. */
interface Part {
  readonly field?: string;
  readonly name: string;
  readonly bytes: Buffer;
  readonly type?: string;
}

/** The `yyyyMMdd` of today in Asia/Seoul (the default APP_TIME_ZONE). */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date()).replaceAll('-', '');

describe('admin Excel endpoints (http.md §12)', () => {
  let f: ClassroomFixture;
  beforeAll(async () => {
    f = await startClassroomFixture();
  });
  afterAll(async () => {
    await f?.stop();
  });

  const cookieOf = (client: HttpClient) => [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const upload = async (parts: readonly Part[], client: HttpClient = f.admin) => {
    const form = new FormData();
    for (const p of parts) form.append(p.field ?? 'file', new Blob([p.bytes], { type: p.type ?? XLSX }), p.name);
    return fetch(`${f.server.url}/api/admin/users/bulk`, { method: 'POST', body: form, headers: { cookie: cookieOf(client) } });
  };
  const download = (path: string) => fetch(`${f.server.url}${path}`, { headers: { cookie: cookieOf(f.admin) } });
  const expectRefusal = async (res: Response, code: string) => {
    const [status, message] = MESSAGES[code]!;
    expect({ status: res.status, body: await res.json() }).toEqual({ status, body: { success: false, status, code, message } });
  };
  const expectXlsx = async (res: Response, name: string) => {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
    return readWorkbook(await res.arrayBuffer());
  };

  it('serves the import template: sheet 사용자 등록, header email,name,role and two examples', async () => {
    const sheets = await expectXlsx(await download('/api/admin/users/template/download'), 'user_upload_template.xlsx');
    const rows = sheets.get('사용자 등록')!;
    expect(rows[0]).toEqual(['email', 'name', 'role']);
    expect(rows).toHaveLength(3);
    expect(rows[1]![0]).toMatch(/@/);
  });

  it('imports a 1000-row sheet with 10 bad rows: 990 accounts, 10 reported, the result sheet read back', async () => {
    const taken = await f.user('STUDENT', { email: 'taken-bulk@example.com' });
    const good = Array.from({ length: 990 }, (_, i) => [`bulk${i}@example.com`, `학생${i}`, i % 3 === 0 ? 'instructor' : i % 3 === 1 ? 'STUDENT' : null]);
    const bad: (string | null)[][] = [
      ['not-an-email', '이메일틀림', 'STUDENT'],
      ['blank-name@example.com', null, 'STUDENT'],
      ['x@example.com', '긴이름'.repeat(6), 'STUDENT'],
      ['admin-role@example.com', '관리자임', 'ADMIN'],
      ['odd-role@example.com', '이상한역할', 'TEACHER'],
      ['BULK5@example.com', '중복하나', 'STUDENT'],
      ['bulk6@example.com', '중복둘', 'STUDENT'],
      [taken.email, '이미있음', 'STUDENT'],
      ['TAKEN-BULK@example.com', '또있음', 'STUDENT'],
      [`${'a'.repeat(45)}@example.com`, '긴이메일', 'STUDENT'],
    ];
    const rows = [['email', 'name', 'role'], ...good.slice(0, 500), ...bad, ...good.slice(500)];
    const res = await upload([{ name: '사용자 목록.xlsx', bytes: await workbookOf(rows) }]);
    const sheets = await expectXlsx(res, `bulk_create_result_${today()}.xlsx`);
    const result = sheets.get('일괄 생성 결과')!;
    expect(result[0]).toEqual(['이메일', '이름', '권한', '임시 비밀번호', '성공 여부', '비고']);
    const lines = result.slice(1);
    expect(lines).toHaveLength(1000);
    expect(lines.filter((l) => l[4] === '성공')).toHaveLength(990);
    const failed = lines.filter((l) => l[4] === '실패');
    expect(failed.map((l) => [l[0], l[3], l[5]])).toEqual([
      ['not-an-email', '', '올바른 이메일 형식이 아닙니다'],
      ['blank-name@example.com', '', '이름을 입력해주세요'],
      ['x@example.com', '', '이름은 16자 이하이어야 합니다'],
      ['admin-role@example.com', '', expect.any(String)],
      ['odd-role@example.com', '', expect.any(String)],
      ['BULK5@example.com', '', '파일 내 중복된 이메일입니다 (7행)'],
      ['bulk6@example.com', '', '파일 내 중복된 이메일입니다 (8행)'],
      [taken.email, '', '이미 가입된 이메일입니다.'],
      ['TAKEN-BULK@example.com', '', '파일 내 중복된 이메일입니다 (509행)'],
      [`${'a'.repeat(45)}@example.com`, '', '이메일은 50자 이하이어야 합니다'],
    ]);
    expect(lines[0]).toEqual(['bulk0@example.com', '학생0', 'INSTRUCTOR', expect.stringMatching(/^[A-Za-z0-9]{12}$/), '성공', expect.any(String)]);
    expect(lines[2]![2]).toBe('STUDENT');
    const created = await f.users.findByEmail('bulk989@example.com');
    expect(created).toMatchObject({ status: 'ACTIVE', provider: 'LOCAL', role: 'STUDENT' });
    const line = lines.find((l) => l[0] === 'bulk989@example.com')!;
    const login = await f.anonymous.json('POST', '/api/auth/login', { body: { email: 'bulk989@example.com', password: line[3] } });
    expect(login.body.code).toBe('AUTH_000');
    expect(created!.passwordHash).not.toContain(line[3]!);
  }, 300_000);

  it('refuses non-multipart bodies (415), a missing or empty file (100), a second file (GLOBAL_400)', async () => {
    const json = await fetch(`${f.server.url}/api/admin/users/bulk`, { method: 'POST', body: '{}', headers: { cookie: cookieOf(f.admin), 'content-type': 'application/json' } });
    await expectRefusal(json, 'GLOBAL_415');
    const form = new FormData();
    form.append('note', 'no file here');
    await expectRefusal(await fetch(`${f.server.url}/api/admin/users/bulk`, { method: 'POST', body: form, headers: { cookie: cookieOf(f.admin) } }), 'ADM_USR_100');
    await expectRefusal(await upload([{ name: 'users.xlsx', bytes: Buffer.alloc(0) }]), 'ADM_USR_100');
    await expectRefusal(await upload([{ field: 'other', name: 'users.xlsx', bytes: Buffer.from('x') }]), 'ADM_USR_100');
    const sheet = await workbookOf([['email', 'name'], ['two@example.com', '둘이']]);
    await expectRefusal(await upload([{ name: 'a.xlsx', bytes: sheet }, { name: 'b.xlsx', bytes: sheet }]), 'GLOBAL_400');
  });

  it('refuses a file over 5 MB while reading it (101), a request over 10 MiB (413); exactly 5 MB passes the size check', async () => {
    await expectRefusal(await upload([{ name: 'big.xlsx', bytes: Buffer.alloc(5 * 1024 * 1024 + 1, 0x41) }]), 'ADM_USR_101');
    await expectRefusal(await upload([{ name: 'big.xlsx', bytes: Buffer.alloc(6 * 1024 * 1024, 0x41) }]), 'ADM_USR_101');
    await expectRefusal(await upload([{ name: 'huge.xlsx', bytes: Buffer.alloc(12 * 1024 * 1024, 0x41) }]), 'GLOBAL_413');
    await expectRefusal(await upload([{ name: 'limit.xlsx', bytes: Buffer.alloc(5 * 1024 * 1024, 0x41) }]), 'ADM_USR_104');
  });

  it('refuses bad names (102), other extensions (103) and disallowed types (104)', async () => {
    const sheet = await workbookOf([['email', 'name'], ['n@example.com', '이름이']]);
    for (const name of ['   ', 'dir/users.xlsx', 'a\\b.xlsx']) await expectRefusal(await upload([{ name, bytes: sheet }]), 'ADM_USR_102');
    for (const name of ['users.csv', 'users', 'users.xlsx.exe']) await expectRefusal(await upload([{ name, bytes: sheet }]), 'ADM_USR_103');
    await expectRefusal(await upload([{ name: 'legacy.xls', bytes: oleFile(), type: 'application/vnd.ms-excel' }]), 'ADM_USR_104');
    await expectRefusal(await upload([{ name: 'users.xlsx', bytes: sheet, type: 'text/plain' }]), 'ADM_USR_104');
    await expectRefusal(await upload([{ name: 'users.xlsx', bytes: Buffer.from('email,name,role\na@example.com,김수스,STUDENT\n') }]), 'ADM_USR_104');
  });

  it('refuses encrypted (OLE2) workbooks and unsafe archives (105), damaged ones (109) and non-workbooks (110)', async () => {
    await expectRefusal(await upload([{ name: 'protected.xlsx', bytes: oleFile() }]), 'ADM_USR_105');
    await expectRefusal(await upload([{ name: 'enc.xlsx', bytes: zipOf(workbookParts([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), encrypted: true }])) }]), 'ADM_USR_105');
    await expectRefusal(await upload([{ name: 'bomb.xlsx', bytes: zipOf(workbookParts([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(80 * 1024 * 1024) }])) }]), 'ADM_USR_105');
    await expectRefusal(await upload([{ name: 'evil.xlsx', bytes: zipOf(workbookParts([{ name: '../../evil.xml', data: Buffer.from('x') }])) }]), 'ADM_USR_105');
    const damaged = zipOf(workbookParts([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>'), compressedOverride: Buffer.from([0xff, 0xfe, 0xfd]) }]));
    await expectRefusal(await upload([{ name: 'damaged.xlsx', bytes: damaged }]), 'ADM_USR_109');
    await expectRefusal(await upload([{ name: 'garbled.xlsx', bytes: zipOf(workbookParts([{ name: 'xl/_rels/workbook.xml.rels', data: Buffer.from('<<<not xml') }])) }]), 'ADM_USR_109');
    await expectRefusal(await upload([{ name: 'notes.xlsx', bytes: zipOf([{ name: 'notes.txt', data: Buffer.from('hello') }]) }]), 'ADM_USR_110');
    await expectRefusal(await upload([{ name: 'empty.xlsx', bytes: await workbookWithoutSheets() }]), 'ADM_USR_110');
  });

  it('refuses a bad header (106), more than 1000 rows (107) and no rows (108)', async () => {
    await expectRefusal(await upload([{ name: 'h.xlsx', bytes: await workbookOf([['email', 'role'], ['h@example.com', 'STUDENT']]) }]), 'ADM_USR_106');
    await expectRefusal(await upload([{ name: 'h.xlsx', bytes: await workbookOf([]) }]), 'ADM_USR_106');
    const many = [['email', 'name', 'role'], ...Array.from({ length: 1001 }, (_, i) => [`many${i}@example.com`, '학생이', 'STUDENT'])];
    await expectRefusal(await upload([{ name: 'many.xlsx', bytes: await workbookOf(many) }]), 'ADM_USR_107');
    expect(await f.users.findByEmail('many0@example.com')).toBeNull();
    await expectRefusal(await upload([{ name: 'none.xlsx', bytes: await workbookOf([['email', 'name', 'role'], [null, null, null]]) }]), 'ADM_USR_108');
  });

  it('exports users with the admin list filters: 번호, 이름, 이메일, 구분, 가입일, no admins, every page', async () => {
    const instructor = await f.user('INSTRUCTOR', { name: '내보낼강사', email: 'export-inst@example.com', createdAt: new Date('2025-03-04T05:06:07Z') });
    for (let i = 0; i < 20; i++) await f.user('STUDENT');
    const all = await expectXlsx(await download('/api/admin/users/export'), `users_${today()}.xlsx`);
    const rows = all.get('사용자 목록')!;
    expect(rows[0]).toEqual(['번호', '이름', '이메일', '구분', '가입일']);
    const total = rows.length - 1;
    expect(total).toBeGreaterThan(1000);
    expect(rows.slice(1).map((r) => r[0])).toEqual(Array.from({ length: total }, (_, i) => String(i + 1)));
    expect(new Set(rows.slice(1).map((r) => r[2])).size).toBe(total);
    expect(rows.some((r) => r[2] === 'admin@test.local')).toBe(false);
    expect(rows.find((r) => r[2] === instructor.email)).toEqual([expect.any(String), '내보낼강사', instructor.email, '강사', '2025-03-04 14:06:07']);
    const filtered = await expectXlsx(await download('/api/admin/users/export?keyword=EXPORT-INST&role=instructor&startDate=2025-03-04&endDate=2025-03-04'), `users_${today()}.xlsx`);
    expect(filtered.get('사용자 목록')!.slice(1)).toEqual([['1', '내보낼강사', instructor.email, '강사', '2025-03-04 14:06:07']]);
    const none = await expectXlsx(await download('/api/admin/users/export?startDate=2000-01-01&endDate=2000-01-02'), `users_${today()}.xlsx`);
    expect(none.get('사용자 목록')).toEqual([['번호', '이름', '이메일', '구분', '가입일']]);
    const bad = await download('/api/admin/users/export?startDate=2025-13-01');
    expect([bad.status, ((await bad.json()) as { code: string }).code]).toEqual([400, 'GLOBAL_411']);
  });

  it('exports one class (클래스 정보, 수강생 목록) and the class list', async () => {
    const teacher = await f.user('INSTRUCTOR', { name: '반강사' });
    const room = await f.classRoom(teacher.id, { title: '자바 기초반', online: false, startDate: '2026-03-02', endDate: '2026-06-30', startTime: '09:00:00', endTime: '12:30:00' });
    const students: User[] = [];
    for (let i = 0; i < 3; i++) {
      const s = await f.user('STUDENT', { name: `수강생${i}` });
      students.push(s);
      await f.enrol(room.id, s.id, new Date(Date.UTC(2026, 0, 1 + i, 0, 0, 0)));
    }
    const one = await expectXlsx(await download(`/api/admin/classes/${room.id}/export`), `class_${room.id}_${today()}.xlsx`);
    expect([...one.keys()]).toEqual(['클래스 정보', '수강생 목록']);
    const info = new Map(one.get('클래스 정보')!.slice(1).map((r) => [r[0], r[1]]));
    expect(Object.fromEntries(info)).toMatchObject({ 클래스명: '자바 기초반', '담당 강사': '반강사', '수업 유형': '오프라인', 시작일: '2026-03-02', 종료일: '2026-06-30', '수업 시간': '09:00 ~ 12:30', '수강생 수': '3', 상태: '활성' });
    expect(one.get('수강생 목록')).toEqual([
      ['번호', '이름', '이메일', '등록일'],
      ...students.map((s, i) => [String(i + 1), s.name, s.email, `2026-01-0${i + 1} 09:00:00`]),
    ]);
    const list = await expectXlsx(await download('/api/admin/classes/list/export?keyword=자바%20기초&sortBy=title&sortDirection=asc'), `classes_${today()}.xlsx`);
    const [header, ...items] = [...list.values()][0]!;
    expect(header).toEqual(['번호', '클래스명', '담당 강사', '수업 유형', '시작일', '종료일', '수업 시간', '수강생 수', '상태', '생성일']);
    expect(items).toEqual([['1', '자바 기초반', '반강사', '오프라인', '2026-03-02', '2026-06-30', '09:00 ~ 12:30', '3', '활성', expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)]]);
    await expectRefusal(await download('/api/admin/classes/987654/export'), 'CLASS_001');
    const bad = await download('/api/admin/classes/abc/export');
    expect([bad.status, ((await bad.json()) as { code: string }).code]).toEqual([400, 'GLOBAL_411']);
  });
});
