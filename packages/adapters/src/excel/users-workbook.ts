import type { Writable } from 'node:stream';
import type { User } from '@sooscode/domain';
import { roleLabel, sheetDateTime } from './sheet-values';
import { writeStreamedWorkbook } from './streamed-workbook';

/**
 * `users_YYYYMMDD.xlsx` (http.md §12): sheet "사용자 목록" with 번호 (1, 2, …), 이름, 이메일, 구분
 * (관리자/강사/학생) and 가입일 (`yyyy-MM-dd HH:mm:ss` in `timeZone`), streamed page by page.
 */
export async function writeUsersWorkbook(out: Writable, pages: AsyncIterable<readonly User[]>, timeZone: string): Promise<void> {
  await writeStreamedWorkbook(out, async (sheet) => {
    const users = sheet('사용자 목록', [
      { header: '번호', width: 8 },
      { header: '이름', width: 18 },
      { header: '이메일', width: 32 },
      { header: '구분', width: 8 },
      { header: '가입일', width: 20 },
    ]);
    await users.addPages(pages, (u, n) => [n, u.name, u.email, roleLabel(u.role), sheetDateTime(u.createdAt, timeZone)]);
  });
}
