import { workbookBytes } from './streamed-workbook';

/** `user_upload_template.xlsx` (http.md §12): sheet "사용자 등록", header `email,name,role` and two example rows. */
export function userTemplateWorkbook(): Promise<Buffer> {
  return workbookBytes([
    {
      name: '사용자 등록',
      columns: [
        { header: 'email', width: 32 },
        { header: 'name', width: 16 },
        { header: 'role', width: 12 },
      ],
      rows: [
        ['student@example.com', '홍길동', 'STUDENT'],
        ['instructor@example.com', '김강사', 'INSTRUCTOR'],
      ],
    },
  ]);
}

/** One line of the bulk-import result. */
export interface BulkResultLine {
  readonly email: string;
  readonly name: string;
  readonly role: string;
  /** Empty when no account was created. */
  readonly temporaryPassword: string;
  readonly success: boolean;
  /** Why the row failed, or a short success note. */
  readonly note: string;
}

/**
 * `bulk_create_result_YYYYMMDD.xlsx` (http.md §12): sheet "일괄 생성 결과" with 이메일, 이름, 권한,
 * 임시 비밀번호, 성공 여부 (성공/실패) and 비고, one line per imported row in file order.
 */
export function bulkResultWorkbook(lines: readonly BulkResultLine[]): Promise<Buffer> {
  return workbookBytes([
    {
      name: '일괄 생성 결과',
      columns: [
        { header: '이메일', width: 32 },
        { header: '이름', width: 16 },
        { header: '권한', width: 12 },
        { header: '임시 비밀번호', width: 16 },
        { header: '성공 여부', width: 10 },
        { header: '비고', width: 40 },
      ],
      rows: lines.map((l) => [l.email, l.name, l.role, l.temporaryPassword, l.success ? '성공' : '실패', l.note]),
    },
  ]);
}
