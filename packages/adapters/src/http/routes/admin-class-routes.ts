import type { Router } from '@koa/router';
import type { Context } from 'koa';
import { sortDirectionOf, type ClassSearch, type ClassSortField, type AssignStudents, type ClassListings, type ClassroomRepository, type CreateClass, type DeleteClass, type EditClass, type EnrolmentRepository, type UnassignStudents, type UserDirectory } from '@sooscode/domain';
import { BodyFields } from '../body-fields';
import { failWith, unwrap } from '../http-failure';
import type { HttpModule } from '../http-module';
import { readJsonObject } from '../json-body';
import { adminPage } from '../page-shapes';
import { paging, pathId, queryString, queryText } from '../params';
import { sendEnvelope } from '../responses';
import { presentAssignmentReport, presentClassStudent } from './admin-presenters';
import { presentClassItem } from './class-presenters';
import { classInputOf, queryLocalDate, queryLocalTime } from './classroom-params';
import type { AuthGuards } from '../auth-middleware';
import type { Logger } from '../../system/logger';
import type { ImageUrls } from '../image-urls';
import type { AdminExcel } from '../excel/admin-excel';

const CLASS_SORT_FIELDS: readonly ClassSortField[] = ['createdAt', 'title', 'startDate', 'endDate', 'startTime', 'endTime'];

/** `sortBy` of the admin class list; anything unknown means `createdAt`. */
export function classSortFieldOf(value: string | undefined): ClassSortField {
  return (CLASS_SORT_FIELDS as readonly string[]).includes(value ?? '') ? (value as ClassSortField) : 'createdAt';
}

/** The filters and order of the admin class list (http.md §11), shared by its Excel export (§12). */
function classSearchOf(ctx: Context): ClassSearch {
  return {
    keyword: queryText(ctx, 'keyword'),
    startDateFrom: queryLocalDate(ctx, 'startDate'),
    endDateTo: queryLocalDate(ctx, 'endDate'),
    startTimeFrom: queryLocalTime(ctx, 'startTime'),
    endTimeTo: queryLocalTime(ctx, 'endTime'),
    sortBy: classSortFieldOf(queryString(ctx, 'sortBy')),
    direction: sortDirectionOf(queryString(ctx, 'sortDirection')),
  };
}

/**
 * Most `studentIds` one assign or unassign request may carry (classroom.md): more is 400 `GLOBAL_410`
 * `studentIds: 길이가 올바르지 않습니다`, refused before any id is read, so a request stays bounded in
 * time and memory. The admin UI assigns from a paged list; bulk import is capped at 1000 rows as well.
 */
export const MAX_STUDENT_IDS_PER_REQUEST = 1000;

/** What the admin class routes use. */
export interface AdminClassRoutesDeps {
  readonly guards: AuthGuards;
  readonly logger: Logger;
  /** APP_TIME_ZONE: every LocalDateTime written and every date filter read. */
  readonly timeZone: string;
  /** Stored image fields → URLs for clients (DEFAULT_PROFILE_IMAGE_URL included). */
  readonly images: ImageUrls;
  readonly classes: ClassroomRepository;
  readonly enrolments: EnrolmentRepository;
  readonly directory: UserDirectory;
  readonly listings: ClassListings;
  readonly createClass: CreateClass;
  readonly editClass: EditClass;
  readonly deleteClass: DeleteClass;
  readonly assignStudents: AssignStudents;
  readonly unassignStudents: UnassignStudents;
  /** The admin Excel template, import and exports (http.md §12). */
  readonly excel: AdminExcel;
}

/** `/api/admin/classes/**` (http.md §11, §12). Admin only; literal routes come before placeholders. */
export class AdminClassRoutes implements HttpModule {
  constructor(private readonly deps: AdminClassRoutesDeps) {}

  register(router: Router): void {
    const d = this.deps;
    const admin = [d.guards.requireUser, d.guards.requireAdmin] as const;
    const studentIdsOf = async (ctx: Context) => new BodyFields(await readJsonObject(ctx)).integerArray('studentIds', MAX_STUDENT_IDS_PER_REQUEST);

    router.post('/api/admin/classes/create', ...admin, async (ctx) => {
      const listing = unwrap(await d.createClass.execute(classInputOf(await readJsonObject(ctx))));
      sendEnvelope(ctx, 'ADM_CLS_000', presentClassItem(listing, d.images));
    });

    router.get('/api/admin/classes/instructors', ...admin, async (ctx) => {
      sendEnvelope(ctx, 'ADM_COM_000', await d.directory.activeInstructors(queryText(ctx, 'keyword')));
    });

    router.get('/api/admin/classes/list/export', ...admin, (ctx) => d.excel.exportClasses(ctx, classSearchOf(ctx)));

    router.get('/api/admin/classes', ...admin, async (ctx) => {
      const { page, size } = paging(ctx, 10);
      const search = classSearchOf(ctx);
      const found = await d.classes.search(search, { page, size });
      sendEnvelope(ctx, 'ADM_COM_000', adminPage(found.items.map((l) => presentClassItem(l, d.images)), page, size, found.total));
    });

    router.get('/api/admin/classes/:classId', ...admin, async (ctx) => {
      const room = await d.classes.findById(pathId(ctx, 'classId'));
      if (!room) failWith('CLASS_001');
      sendEnvelope(ctx, 'ADM_COM_000', presentClassItem(await d.listings.of(room), d.images));
    });

    router.post('/api/admin/classes/:classId/edit', ...admin, async (ctx) => {
      const classId = pathId(ctx, 'classId');
      const listing = unwrap(await d.editClass.execute(classId, classInputOf(await readJsonObject(ctx))));
      sendEnvelope(ctx, 'ADM_COM_000', presentClassItem(listing, d.images));
    });

    router.post('/api/admin/classes/:classId/delete', ...admin, async (ctx) => {
      const classId = pathId(ctx, 'classId');
      const outcome = unwrap(await d.deleteClass.execute(classId));
      if (outcome === 'failed') d.logger.warn({ classId, action: 'admin-delete' }, 'LiveKit call failed (best effort, ignored)');
      sendEnvelope(ctx, 'ADM_COM_000');
    });

    router.post('/api/admin/classes/:classId/students/assign', ...admin, async (ctx) => {
      const classId = pathId(ctx, 'classId');
      sendEnvelope(ctx, 'ADM_COM_000', presentAssignmentReport(unwrap(await d.assignStudents.execute(classId, await studentIdsOf(ctx)))));
    });

    router.post('/api/admin/classes/:classId/students/delete', ...admin, async (ctx) => {
      const classId = pathId(ctx, 'classId');
      sendEnvelope(ctx, 'ADM_COM_000', presentAssignmentReport(unwrap(await d.unassignStudents.execute(classId, await studentIdsOf(ctx)))));
    });

    router.get('/api/admin/classes/:classId/students/available', ...admin, async (ctx) => {
      const classId = pathId(ctx, 'classId');
      if (!(await d.classes.findById(classId))) failWith('ADM_CLS_001');
      sendEnvelope(ctx, 'ADM_COM_000', await d.directory.availableStudents(classId, queryText(ctx, 'keyword')));
    });

    router.get('/api/admin/classes/:classId/students', ...admin, async (ctx) => {
      const classId = pathId(ctx, 'classId');
      const { page, size } = paging(ctx, 5);
      if (!(await d.classes.findById(classId))) failWith('CLASS_001');
      const search = { keyword: queryText(ctx, 'keyword'), direction: sortDirectionOf(queryString(ctx, 'sortDirection')) };
      const found = await d.enrolments.studentsOf(classId, search, { page, size });
      const items = found.items.map((s) => presentClassStudent(s, d.images, d.timeZone));
      sendEnvelope(ctx, 'ADM_COM_000', adminPage(items, page, size, found.total));
    });

    router.get('/api/admin/classes/:classId/export', ...admin, (ctx) => d.excel.exportClass(ctx, pathId(ctx, 'classId')));
  }
}
