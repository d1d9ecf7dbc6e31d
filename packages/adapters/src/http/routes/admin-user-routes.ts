import type { Router } from '@koa/router';
import type { Context } from 'koa';
import { instantOf, parseRole, sortDirectionOf, type UserSearch, type UserSortField, type UserStatus, type ActivateAccount, type ChangeRole, type CreateAccount, type DeactivateAccount, type EditAccount, type EnrolmentRepository, type ResetAccountPassword, type UserDirectory, type UserRepository } from '@sooscode/domain';
import { BodyFields } from '../body-fields';
import { failWith, unwrap } from '../http-failure';
import type { HttpModule } from '../http-module';
import { readJsonObject } from '../json-body';
import { adminPage } from '../page-shapes';
import { paging, pathId, queryInt, queryString, queryText } from '../params';
import { sendEnvelope } from '../responses';
import { presentCreatedAccount, presentUserClass, presentUserDetail, presentUserListItem } from './admin-presenters';
import { queryLocalDate } from './classroom-params';
import type { AuthGuards } from '../auth-middleware';
import type { Logger } from '../../system/logger';
import type { AdminExcel } from '../excel/admin-excel';

const USER_SORT_FIELDS: readonly UserSortField[] = ['name', 'email', 'createdAt'];

/** `sortBy` of the admin user list; anything unknown means `createdAt`. */
export function userSortFieldOf(value: string | undefined): UserSortField {
  return (USER_SORT_FIELDS as readonly string[]).includes(value ?? '') ? (value as UserSortField) : 'createdAt';
}

/** `status` filter: `ACTIVE`/`INACTIVE`, case-insensitive; anything else is ignored. */
export function userStatusOf(value: string | undefined): UserStatus | undefined {
  const upper = value?.toUpperCase();
  return upper === 'ACTIVE' || upper === 'INACTIVE' ? upper : undefined;
}

/**
 * The `{userId}` of the admin password reset: the contract (http.md §15) answers a malformed id with
 * 400 `GLOBAL_400`, where every other admin route answers `GLOBAL_411`.
 */
function resetTargetId(ctx: Context): number {
  try {
    return pathId(ctx, 'userId');
  } catch {
    failWith('GLOBAL_400');
  }
}

/** What the admin user routes use. */
export interface AdminUserRoutesDeps {
  readonly guards: AuthGuards;
  readonly logger: Logger;
  /** APP_TIME_ZONE: every LocalDateTime written and every date filter read. */
  readonly timeZone: string;
  readonly users: UserRepository;
  readonly enrolments: EnrolmentRepository;
  readonly directory: UserDirectory;
  readonly createAccount: CreateAccount;
  readonly editAccount: EditAccount;
  readonly changeRole: ChangeRole;
  readonly activateAccount: ActivateAccount;
  readonly deactivateAccount: DeactivateAccount;
  readonly resetAccountPassword: ResetAccountPassword;
  /** The admin Excel template, import and exports (http.md §12). */
  readonly excel: AdminExcel;
}

/** `/api/admin/users/**` (http.md §10, §12, §15). Admin only; literal routes come before placeholders. */
export class AdminUserRoutes implements HttpModule {
  constructor(private readonly deps: AdminUserRoutesDeps) {}

  private searchOf(ctx: Context): UserSearch {
    const tz = this.deps.timeZone;
    const startDate = queryLocalDate(ctx, 'startDate');
    const endDate = queryLocalDate(ctx, 'endDate');
    const role = parseRole(queryString(ctx, 'role') ?? '');
    return {
      keyword: queryText(ctx, 'keyword'),
      ...(role ? { role } : {}),
      status: userStatusOf(queryString(ctx, 'status')),
      ...(startDate ? { createdFrom: instantOf(startDate, '00:00:00', tz) } : {}),
      ...(endDate ? { createdTo: instantOf(endDate, '23:59:59.999', tz) } : {}),
      sortBy: userSortFieldOf(queryString(ctx, 'sortBy')),
      direction: sortDirectionOf(queryString(ctx, 'sortDirection')),
    };
  }

  register(router: Router): void {
    const d = this.deps;
    const admin = [d.guards.requireUser, d.guards.requireAdmin] as const;
    const accountInput = async (ctx: Context) => {
      const body = new BodyFields(await readJsonObject(ctx));
      return { email: body.text('email'), name: body.text('name'), role: body.string('role') };
    };
    const deactivate = async (ctx: Context) => {
      unwrap(await d.deactivateAccount.execute(pathId(ctx, 'userId')));
      sendEnvelope(ctx, 'ADM_COM_000');
    };

    router.post('/api/admin/users/create', ...admin, async (ctx) => {
      const created = unwrap(await d.createAccount.execute(await accountInput(ctx)));
      if (!created.mailed) d.logger.warn({ userId: created.user.id }, 'temporary password mail could not be sent');
      sendEnvelope(ctx, 'ADM_COM_000', presentCreatedAccount(created.user, created.temporaryPassword, d.timeZone));
    });

    router.post('/api/admin/users/bulk', ...admin, (ctx) => d.excel.bulk(ctx));
    router.get('/api/admin/users/export', ...admin, (ctx) => d.excel.exportUsers(ctx, this.searchOf(ctx)));
    router.get('/api/admin/users/template/download', ...admin, (ctx) => d.excel.template(ctx));

    router.get('/api/admin/users', ...admin, async (ctx) => {
      const { page, size } = paging(ctx, 10);
      const found = await d.directory.search(this.searchOf(ctx), { page, size });
      sendEnvelope(ctx, 'ADM_COM_000', adminPage(found.items.map((u) => presentUserListItem(u, d.timeZone)), page, size, found.total));
    });

    router.get('/api/admin/users/:userId', ...admin, async (ctx) => {
      const user = await d.users.findById(pathId(ctx, 'userId'));
      if (!user) failWith('ADM_USR_001');
      sendEnvelope(ctx, 'ADM_COM_000', presentUserDetail(user, d.timeZone));
    });

    router.get('/api/admin/users/:userId/history', ...admin, async (ctx) => {
      const userId = pathId(ctx, 'userId');
      queryInt(ctx, 'limit');
      if (!(await d.users.findById(userId))) failWith('ADM_USR_001');
      sendEnvelope(ctx, 'ADM_COM_000', []);
    });

    router.post('/api/admin/users/:userId/edit', ...admin, async (ctx) => {
      const userId = pathId(ctx, 'userId');
      unwrap(await d.editAccount.execute(userId, await accountInput(ctx)));
      sendEnvelope(ctx, 'ADM_COM_000');
    });

    router.post('/api/admin/users/:userId/delete', ...admin, deactivate);
    router.delete('/api/admin/users/:userId', ...admin, deactivate);
    router.post('/api/admin/users/:userId/deactivate', ...admin, deactivate);

    router.post('/api/admin/users/:userId/activate', ...admin, async (ctx) => {
      unwrap(await d.activateAccount.execute(pathId(ctx, 'userId')));
      sendEnvelope(ctx, 'ADM_COM_000');
    });

    router.post('/api/admin/users/:userId/role', ...admin, async (ctx) => {
      const userId = pathId(ctx, 'userId');
      const role = new BodyFields(await readJsonObject(ctx)).string('role');
      unwrap(await d.changeRole.execute(userId, role));
      sendEnvelope(ctx, 'ADM_COM_000');
    });

    router.post('/api/admin/users/:userId/password/reset', ...admin, async (ctx) => {
      const reset = unwrap(await d.resetAccountPassword.execute(resetTargetId(ctx)));
      sendEnvelope(ctx, 'ADM_COM_000', { userId: reset.user.id, email: reset.user.email, temporaryPassword: reset.temporaryPassword });
    });

    router.get('/api/admin/users/:userId/classes', ...admin, async (ctx) => {
      const userId = pathId(ctx, 'userId');
      if (!(await d.users.findById(userId))) failWith('ADM_USR_001');
      const classes = await d.enrolments.classesOf(userId);
      sendEnvelope(ctx, 'ADM_COM_000', classes.items.map((c) => presentUserClass(c, d.timeZone)));
    });

  }
}
