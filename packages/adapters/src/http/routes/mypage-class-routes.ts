import type { Router } from '@koa/router';
import { principalOf } from '../app-state';
import { unwrap } from '../http-failure';
import type { HttpModule } from '../http-module';
import { springPage } from '../page-shapes';
import { paging } from '../params';
import { sendEnvelope } from '../responses';
import { presentMyClass, presentMyClassDetail } from './class-presenters';
import { myPageClassId } from './classroom-params';
import type { DescribeClass, ListMyClasses } from '@sooscode/domain';
import type { AuthGuards } from '../auth-middleware';
import type { ImageUrls } from '../image-urls';

/** What the my-page class routes use. */
export interface MyPageClassRoutesDeps {
  readonly guards: AuthGuards;
  /** Stored image fields → URLs for clients (DEFAULT_PROFILE_IMAGE_URL included). */
  readonly images: ImageUrls;
  readonly listMyClasses: ListMyClasses;
  readonly describeClass: DescribeClass;
}

/** The class part of `/api/mypage` (http.md §7). `sort` is accepted and ignored. */
export class MyPageClassRoutes implements HttpModule {
  constructor(private readonly deps: MyPageClassRoutesDeps) {}

  register(router: Router): void {
    const d = this.deps;
    const { requireUser } = d.guards;

    router.get('/api/mypage/classes', requireUser, async (ctx) => {
      const { page, size } = paging(ctx, 10);
      const found = unwrap(await d.listMyClasses.execute(principalOf(ctx.state), { page, size }));
      sendEnvelope(ctx, 'GLOBAL_000', springPage(found.items.map((c) => presentMyClass(c, d.images)), page, size, found.total));
    });

    router.get('/api/mypage/detail/:classId', requireUser, async (ctx) => {
      const classId = myPageClassId(ctx, 'classId');
      const { room, mode } = unwrap(await d.describeClass.execute(classId, principalOf(ctx.state)));
      sendEnvelope(ctx, 'GLOBAL_000', presentMyClassDetail(room, mode, d.images));
    });
  }
}
