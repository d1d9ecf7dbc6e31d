import type { Writable } from 'node:stream';
import type { ClassListing, EnrolledStudent } from '@sooscode/domain';
import { activeLabel, deliveryLabel, sheetDateTime, sheetTimeRange } from './sheet-values';
import { writeStreamedWorkbook } from './streamed-workbook';

/**
 * `class_{id}_{yyyyMMdd}.xlsx` (http.md §12): sheet "클래스 정보" with one 항목/내용 row per field of the
 * class, then sheet "수강생 목록" with 번호, 이름, 이메일 and 등록일 (`yyyy-MM-dd HH:mm:ss` in `timeZone`),
 * the students streamed page by page in enrolment order.
 */
export async function writeClassWorkbook(out: Writable, listing: ClassListing, students: AsyncIterable<readonly EnrolledStudent[]>, timeZone: string): Promise<void> {
  const c = listing.room;
  await writeStreamedWorkbook(out, async (sheet) => {
    const info = sheet('클래스 정보', [
      { header: '항목', width: 14 },
      { header: '내용', width: 48 },
    ]);
    const fields: [string, string | number][] = [
      ['클래스 ID', c.id],
      ['클래스명', c.title],
      ['설명', c.description ?? ''],
      ['담당 강사', listing.instructorName],
      ['수업 유형', deliveryLabel(c.online)],
      ['시작일', c.startDate],
      ['종료일', c.endDate],
      ['수업 시간', sheetTimeRange(c.startTime, c.endTime)],
      ['수강생 수', listing.studentCount],
      ['상태', activeLabel(c.active)],
      ['생성일', sheetDateTime(c.createdAt, timeZone)],
    ];
    for (const row of fields) info.add(row);
    const roster = sheet('수강생 목록', [
      { header: '번호', width: 8 },
      { header: '이름', width: 18 },
      { header: '이메일', width: 32 },
      { header: '등록일', width: 20 },
    ]);
    await roster.addPages(students, (s, n) => [n, s.name, s.email, sheetDateTime(s.enrolledAt, timeZone)]);
  });
}
