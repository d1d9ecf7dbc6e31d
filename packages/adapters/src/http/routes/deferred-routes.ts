import type { Router } from '@koa/router';
import type { Context } from 'koa';
import { principalOf } from '../app-state';
import { failWith, unwrap } from '../http-failure';
import type { HttpModule } from '../http-module';
import { pathId } from '../params';
import type { ClassroomRouteDeps } from './classroom-route-deps';

/** The answer of every deferred endpoint once its caller is authenticated and authorised (http.md §12). */
export function notYetServed(_ctx: Context): never {
  failWith('GLOBAL_503');
}

/**
 * The deferred file-storage endpoints of `/api/mypage` (http.md §12): each authenticates and authorises
 * as listed, then answers 503 `GLOBAL_503`. Multipart bodies are not read, so the upload's `staff(c)`
 * check (its classId is a multipart field) and the batch delete's uploader check reduce to `user`.
 * The admin Excel endpoints are registered by the admin route modules, before their placeholders.
 */
export class DeferredMyPageRoutes implements HttpModule {
  constructor(private readonly deps: ClassroomRouteDeps) {}

  register(router: Router): void {
    const d = this.deps;
    const { requireUser } = d.guards;
    const viewer = async (ctx: Context) => {
      unwrap(await d.access.forViewer(pathId(ctx, 'classId'), principalOf(ctx.state)));
      notYetServed(ctx);
    };

    router.post('/api/mypage/files/upload', requireUser, notYetServed);
    router.delete('/api/mypage/files/batch', requireUser, notYetServed);
    router.post('/api/mypage/profile/image/update', requireUser, notYetServed);
    router.post('/api/mypage/profile/image/delete', requireUser, notYetServed);
    router.get('/api/mypage/:classId/files', requireUser, viewer);
    router.get('/api/mypage/:classId/files/by-date', requireUser, viewer);
    router.post('/api/mypage/classroom/:classId/thumbnail', requireUser, async (ctx) => {
      unwrap(await d.access.forStaff(pathId(ctx, 'classId'), principalOf(ctx.state)));
      notYetServed(ctx);
    });
  }
}
