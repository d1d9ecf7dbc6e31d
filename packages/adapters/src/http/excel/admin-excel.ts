import type { Context } from 'koa';
import type {
  BulkCreateAccounts, BulkRowResult, ClassListings, ClassroomRepository, ClassSearch, Clock, EnrolmentRepository, UserDirectory, UserSearch,
} from '@sooscode/domain';
import { domainError, MAX_BULK_ACCOUNTS } from '@sooscode/domain';
import { bulkResultWorkbook, userTemplateWorkbook, type BulkResultLine } from '../../excel/account-workbooks';
import { readAccountSheet, type AccountRow } from '../../excel/account-sheet-reader';
import { writeClassListWorkbook } from '../../excel/class-list-workbook';
import { writeClassWorkbook } from '../../excel/class-workbook';
import { fileDate } from '../../excel/sheet-values';
import { messageWithDetail } from '../../wire';
import { writeUsersWorkbook } from '../../excel/users-workbook';
import type { Logger } from '../../system/logger';
import { fail, failWith, unwrap } from '../http-failure';
import { STATUS_CODES } from '../status-codes';
import { checkUploadedWorkbook } from './uploaded-workbook-check';
import { readSingleFile } from './single-file-upload';
import { sendXlsx, streamXlsx } from './xlsx-download';

/** Largest bulk-import file (http.md §12): 5 MB, `ADM_USR_101` beyond. */
export const BULK_MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Largest multipart request (http.md §1.1): 10 MiB, 413 beyond. */
export const MULTIPART_MAX_REQUEST_BYTES = 10 * 1024 * 1024;
/** Rows read from the database per query while an export streams. */
export const EXPORT_PAGE_SIZE = 1000;

/** What the admin Excel endpoints need. */
export interface AdminExcelDeps {
  readonly logger: Logger;
  /** APP_TIME_ZONE: dates in sheets and in file names. */
  readonly timeZone: string;
  readonly clock: Clock;
  readonly directory: UserDirectory;
  readonly classes: ClassroomRepository;
  readonly enrolments: EnrolmentRepository;
  readonly listings: ClassListings;
  readonly bulkCreateAccounts: BulkCreateAccounts;
}

/**
 * Pages of `fetch` (0-based) until a short one. The first page is read before this resolves, so a
 * database failure still answers with an envelope; later pages are read as the workbook streams.
 */
async function primedPages<T>(fetch: (page: number) => Promise<readonly T[]>): Promise<AsyncIterable<readonly T[]>> {
  const first = await fetch(0);
  return (async function* pages() {
    yield first;
    let last = first;
    for (let page = 1; last.length === EXPORT_PAGE_SIZE; page++) {
      last = await fetch(page);
      if (last.length) yield last;
    }
  })();
}

/**
 * Reads the first batch of `batches` before this resolves (so a database failure still answers with an
 * envelope) and hands back an iterable of it and the rest. Leaving that iterable early returns the
 * underlying iterator, which frees what it holds.
 */
async function primed<T>(batches: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const iterator = batches[Symbol.asyncIterator]();
  const first = await iterator.next();
  return {
    [Symbol.asyncIterator]: () => {
      let pending: IteratorResult<T> | undefined = first;
      return {
        next: async () => {
          if (!pending) return iterator.next();
          const result = pending;
          pending = undefined;
          return result;
        },
        return: async () => (await iterator.return?.()) ?? { done: true, value: undefined },
      };
    },
  };
}

/** The 비고 of a failed row. */
function noteOf(result: Extract<BulkRowResult, { created: false }>, rows: readonly AccountRow[]): string {
  const problem = result.problem;
  if (problem.kind === 'taken') return STATUS_CODES.AUTH_102.message;
  if (problem.kind === 'duplicate') return `파일 내 중복된 이메일입니다 (${rows[problem.firstRow]!.rowNumber}행)`;
  return messageWithDetail(problem.error);
}


/**
 * The admin Excel endpoints (http.md §12): the import template, the bulk import and the three exports.
 * Successes are RAW .xlsx attachments; refusals are envelopes. Registered by the admin route modules.
 */
export class AdminExcel {
  constructor(private readonly deps: AdminExcelDeps) {}

  private today(): string {
    return fileDate(this.deps.clock.now(), this.deps.timeZone);
  }

  /** `GET /api/admin/users/template/download`. */
  async template(ctx: Context): Promise<void> {
    sendXlsx(ctx, 'user_upload_template.xlsx', await userTemplateWorkbook());
  }

  /**
   * `POST /api/admin/users/bulk`: the upload is checked (`ADM_USR_100`–`105`, see
   * `checkUploadedWorkbook`), the sheet read (`ADM_USR_109` unreadable, `110` no worksheet, `106`
   * header), then `BulkCreateAccounts` (`107`, `108`, else one line per row).
   */
  async bulk(ctx: Context): Promise<void> {
    const upload = await readSingleFile(ctx, { field: 'file', maxFileBytes: BULK_MAX_FILE_BYTES, maxRequestBytes: MULTIPART_MAX_REQUEST_BYTES });
    const bytes = checkUploadedWorkbook(upload);
    const sheet = await readAccountSheet(bytes, MAX_BULK_ACCOUNTS);
    if ('problem' in sheet) failWith(sheet.problem === 'bad-header' ? 'ADM_USR_106' : sheet.problem === 'no-worksheet' ? 'ADM_USR_110' : 'ADM_USR_109');
    const rows = sheet.rows;
    const results = unwrap(await this.deps.bulkCreateAccounts.execute(rows.map((r) => r.account)));
    const lines = results.map((result, i): BulkResultLine => {
      if (result.created) {
        const u = result.user;
        return { email: u.email, name: u.name, role: u.role, temporaryPassword: result.temporaryPassword, success: true, note: '생성 완료' };
      }
      const a = rows[i]!.account;
      return { email: a.email ?? '', name: a.name ?? '', role: a.role ?? '', temporaryPassword: '', success: false, note: noteOf(result, rows) };
    });
    const created = lines.filter((l) => l.success).length;
    this.deps.logger.info({ rows: lines.length, created, failed: lines.length - created }, 'bulk account import');
    sendXlsx(ctx, `bulk_create_result_${this.today()}.xlsx`, await bulkResultWorkbook(lines));
  }

  /**
   * `GET /api/admin/users/export`: the admin list's filters, oldest account first, read through one
   * database cursor in batches of {@link EXPORT_PAGE_SIZE} as the workbook streams.
   */
  async exportUsers(ctx: Context, search: Omit<UserSearch, 'sortBy' | 'direction'>): Promise<void> {
    const d = this.deps;
    const batches = await primed(d.directory.batches({ ...search, sortBy: 'createdAt', direction: 'ASC' }, EXPORT_PAGE_SIZE));
    streamXlsx(ctx, `users_${this.today()}.xlsx`, d.logger, (out) => writeUsersWorkbook(out, batches, d.timeZone));
  }

  /** `GET /api/admin/classes/{classId}/export`: unknown class 404 `CLASS_001`; students in enrolment order. */
  async exportClass(ctx: Context, classId: number): Promise<void> {
    const d = this.deps;
    const room = await d.classes.findById(classId);
    if (!room) fail(domainError('CLASS_001'));
    const listing = await d.listings.of(room);
    const students = await primedPages(async (page) => (await d.enrolments.studentsOf(classId, { direction: 'ASC' }, { page, size: EXPORT_PAGE_SIZE })).items);
    streamXlsx(ctx, `class_${classId}_${this.today()}.xlsx`, d.logger, (out) => writeClassWorkbook(out, listing, students, d.timeZone));
  }

  /** `GET /api/admin/classes/list/export`: the admin class list's filters and order (active classes). */
  async exportClasses(ctx: Context, search: ClassSearch): Promise<void> {
    const d = this.deps;
    const pages = await primedPages(async (page) => (await d.classes.search(search, { page, size: EXPORT_PAGE_SIZE })).items);
    streamXlsx(ctx, `classes_${this.today()}.xlsx`, d.logger, (out) => writeClassListWorkbook(out, pages, d.timeZone));
  }
}
