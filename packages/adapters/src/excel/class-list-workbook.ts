import type { Writable } from 'node:stream';
import type { ClassListing } from '@sooscode/domain';
import { activeLabel, deliveryLabel, sheetDateTime, sheetTimeRange } from './sheet-values';
import { writeStreamedWorkbook } from './streamed-workbook';

/**
 * `classes_{yyyyMMdd}.xlsx` (http.md §12): one sheet "클래스 목록" with 번호, 클래스명, 담당 강사, 수업 유형
 * (온라인/오프라인), 시작일, 종료일, 수업 시간 (`HH:mm ~ HH:mm`), 수강생 수, 상태 (활성/비활성) and
 * 생성일 (`yyyy-MM-dd HH:mm:ss` in `timeZone`), streamed page by page.
 */
export async function writeClassListWorkbook(out: Writable, pages: AsyncIterable<readonly ClassListing[]>, timeZone: string): Promise<void> {
  await writeStreamedWorkbook(out, async (sheet) => {
    const classes = sheet('클래스 목록', [
      { header: '번호', width: 8 },
      { header: '클래스명', width: 30 },
      { header: '담당 강사', width: 14 },
      { header: '수업 유형', width: 10 },
      { header: '시작일', width: 12 },
      { header: '종료일', width: 12 },
      { header: '수업 시간', width: 15 },
      { header: '수강생 수', width: 10 },
      { header: '상태', width: 8 },
      { header: '생성일', width: 20 },
    ]);
    await classes.addPages(pages, ({ room: c, instructorName, studentCount }, n) => [
      n, c.title, instructorName, deliveryLabel(c.online), c.startDate, c.endDate, sheetTimeRange(c.startTime, c.endTime), studentCount, activeLabel(c.active), sheetDateTime(c.createdAt, timeZone),
    ]);
  });
}
