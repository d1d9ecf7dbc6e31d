import type { Router } from '@koa/router';
import type { Context } from 'koa';
import { NEWEST_FIRST, type FindSnapshotsInput, type Snapshot, type SnapshotOrder, type DeleteSnapshot, type FindSnapshots, type ReadSnapshot, type SaveSnapshot, type UpdateSnapshot } from '@sooscode/domain';
import { principalOf } from '../app-state';
import { BodyFields } from '../body-fields';
import { unwrap } from '../http-failure';
import type { HttpModule } from '../http-module';
import { readJsonObject } from '../json-body';
import { springPage } from '../page-shapes';
import { paging, queryString, queryText, requiredQuery, requiredQueryId, requiredQueryText } from '../params';
import { sendEnvelope } from '../responses';
import { queryLocalDate } from './classroom-params';
import { presentSnapshot, presentSnapshotTitle } from './snapshot-presenters';
import type { AuthGuards } from '../auth-middleware';

/**
 * The `sort` of the paged snapshot reads (Spring style `field[,direction]`): `createdAt` or `updatedAt`,
 * `asc`/`desc` (case-insensitive, ascending when omitted); anything else means createdAt descending.
 */
export function snapshotOrderOf(value: string | undefined): SnapshotOrder {
  const [field, direction, ...rest] = (value ?? '').split(',').map((s) => s.trim());
  if ((field !== 'createdAt' && field !== 'updatedAt') || rest.length > 0) return NEWEST_FIRST;
  const dir = direction === undefined ? 'ASC' : direction.toUpperCase();
  if (dir !== 'ASC' && dir !== 'DESC') return NEWEST_FIRST;
  return { field, direction: dir };
}

/** What the snapshot routes use. */
export interface SnapshotRoutesDeps {
  readonly guards: AuthGuards;
  /** APP_TIME_ZONE: every LocalDateTime written and every date filter read. */
  readonly timeZone: string;
  readonly saveSnapshot: SaveSnapshot;
  readonly updateSnapshot: UpdateSnapshot;
  readonly findSnapshots: FindSnapshots;
  readonly readSnapshot: ReadSnapshot;
  readonly deleteSnapshot: DeleteSnapshot;
}

/** `/api/snapshot/**` (http.md §6): every query is scoped to the caller and one class. */
export class SnapshotRoutes implements HttpModule {
  constructor(private readonly deps: SnapshotRoutesDeps) {}

  register(router: Router): void {
    const d = this.deps;
    const { requireUser } = d.guards;
    const tz = d.timeZone;
    const full = (s: Snapshot) => presentSnapshot(s, tz);
    const titles = (s: Snapshot) => presentSnapshotTitle(s, tz);
    const dates = (ctx: Context) => ({ day: queryLocalDate(ctx, 'day'), startDate: queryLocalDate(ctx, 'startDate'), endDate: queryLocalDate(ctx, 'endDate') });
    const find = async (ctx: Context, input: FindSnapshotsInput) => unwrap(await d.findSnapshots.execute(input, principalOf(ctx.state)));
    const list = (ctx: Context, items: unknown[]) => sendEnvelope(ctx, 'SNAPSHOT_003', items);

    const create = async (ctx: Context) => {
      const body = new BodyFields(await readJsonObject(ctx));
      const input = { classId: body.integer('classId'), title: body.text('title'), content: body.string('content'), language: body.string('language') };
      const s = unwrap(await d.saveSnapshot.execute(input, principalOf(ctx.state)));
      sendEnvelope(ctx, 'SNAPSHOT_000', { snapshotId: s.id, title: s.title, content: s.content });
    };
    router.post('/api/snapshot/', requireUser, create);
    router.post('/api/snapshot', requireUser, create);

    router.post('/api/snapshot/update', requireUser, async (ctx) => {
      const snapshotId = requiredQueryId(ctx, 'snapshotId');
      const body = new BodyFields(await readJsonObject(ctx));
      const input = { classId: body.integer('classId'), title: body.text('title'), content: body.string('content') };
      unwrap(await d.updateSnapshot.execute(snapshotId, input, principalOf(ctx.state)));
      sendEnvelope(ctx, 'SNAPSHOT_001');
    });

    router.get('/api/snapshot/read/each', requireUser, async (ctx) => {
      const classId = requiredQueryId(ctx, 'classId');
      const snapshotId = requiredQueryId(ctx, 'snapshotId');
      sendEnvelope(ctx, 'SNAPSHOT_003', full(unwrap(await d.readSnapshot.execute(classId, snapshotId, principalOf(ctx.state)))));
    });

    router.get('/api/snapshot/read', requireUser, async (ctx) => {
      const classId = requiredQueryId(ctx, 'classId');
      const { page, size } = paging(ctx, 3);
      const found = await find(ctx, { classId, page: { page, size } });
      sendEnvelope(ctx, 'SNAPSHOT_003', springPage(found.items.map(full), page, size, found.total));
    });

    router.get('/api/snapshot/read/title', requireUser, async (ctx) => {
      const classId = requiredQueryId(ctx, 'classId');
      const titleContains = requiredQueryText(ctx, 'title');
      list(ctx, (await find(ctx, { classId, titleContains, emptyIsError: true })).items.map(full));
    });

    router.get('/api/snapshot/read/content', requireUser, async (ctx) => {
      const classId = requiredQueryId(ctx, 'classId');
      const contentContains = requiredQuery(ctx, 'content');
      list(ctx, (await find(ctx, { classId, contentContains })).items.map(full));
    });

    router.get('/api/snapshot/read/date', requireUser, async (ctx) => {
      const classId = requiredQueryId(ctx, 'classId');
      list(ctx, (await find(ctx, { classId, dates: dates(ctx), datesRequired: true, emptyIsError: true })).items.map(full));
    });

    router.get('/api/snapshot/read/title/date', requireUser, async (ctx) => {
      const classId = requiredQueryId(ctx, 'classId');
      const titleContains = requiredQueryText(ctx, 'title');
      list(ctx, (await find(ctx, { classId, titleContains, dates: dates(ctx), datesRequired: true, emptyIsError: true })).items.map(full));
    });

    router.get('/api/snapshot/read/content/date', requireUser, async (ctx) => {
      const classId = requiredQueryId(ctx, 'classId');
      const contentContains = requiredQuery(ctx, 'content');
      list(ctx, (await find(ctx, { classId, contentContains, dates: dates(ctx), datesRequired: true, emptyIsError: true })).items.map(full));
    });

    router.get('/api/snapshot/read/onlytitle/date', requireUser, async (ctx) => {
      const classId = requiredQueryId(ctx, 'classId');
      list(ctx, (await find(ctx, { classId, dates: dates(ctx), datesRequired: true, emptyIsError: true })).items.map(titles));
    });

    router.get('/api/snapshot/read/language/date', requireUser, async (ctx) => {
      const classId = requiredQueryId(ctx, 'classId');
      const { page, size } = paging(ctx, 10);
      const input: FindSnapshotsInput = {
        classId, language: queryString(ctx, 'language'), languageRequired: true, dates: dates(ctx), datesRequired: true,
        order: snapshotOrderOf(queryString(ctx, 'sort')), page: { page, size },
      };
      const found = await find(ctx, input);
      sendEnvelope(ctx, 'SNAPSHOT_003', springPage(found.items.map(titles), page, size, found.total));
    });

    router.get('/api/snapshot/read/title/language/date', requireUser, async (ctx) => {
      const classId = requiredQueryId(ctx, 'classId');
      const { page, size } = paging(ctx, 10);
      const input: FindSnapshotsInput = {
        classId, classMustExist: true, language: queryString(ctx, 'language'), titleContains: queryText(ctx, 'title'), dates: dates(ctx),
        order: snapshotOrderOf(queryString(ctx, 'sort')), page: { page, size },
      };
      const found = await find(ctx, input);
      sendEnvelope(ctx, 'SNAPSHOT_003', springPage(found.items.map(titles), page, size, found.total));
    });

    router.post('/api/snapshot/delete', requireUser, async (ctx) => {
      const classId = requiredQueryId(ctx, 'classId');
      const snapshotId = requiredQueryId(ctx, 'snapshotId');
      unwrap(await d.deleteSnapshot.execute(classId, snapshotId, principalOf(ctx.state)));
      sendEnvelope(ctx, 'SNAPSHOT_002');
    });
  }
}
