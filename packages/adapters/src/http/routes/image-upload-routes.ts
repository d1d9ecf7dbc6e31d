import type { Router } from '@koa/router';
import { IMAGE_RULES } from '@sooscode/domain';
import { principalOf } from '../app-state';
import { unwrap } from '../http-failure';
import type { HttpModule } from '../http-module';
import { readMultipart } from '../multipart/read-multipart';
import { pathId } from '../params';
import { sendEnvelope } from '../responses';
import type { FileRouteDeps } from './file-route-deps';

/**
 * Profile image update/delete (user, self) and class thumbnail (`staff(c)`, checked before the
 * image is read), http.md §12. Images: jpg/jpeg/png/gif/webp of at most 10 MiB whose bytes match
 * their extension. A request to `profile/image/update` without `photo` changes nothing.
 */
export class ImageUploadRoutes implements HttpModule {
  constructor(private readonly deps: FileRouteDeps) {}

  register(router: Router): void {
    const d = this.deps;
    const { requireUser } = d.guards;

    router.post('/api/mypage/profile/image/update', requireUser, async (ctx) => {
      const form = await readMultipart(ctx, d.storage, { fileField: 'photo', rules: IMAGE_RULES, keyPrefix: 'profile', fileOptional: true });
      const photo = form.files[0];
      if (photo) {
        const set = await d.setProfileImage.execute(principalOf(ctx.state).userId, photo.storageKey).catch(async (e: unknown) => {
          await d.storage.delete(photo.storageKey).catch(() => undefined);
          throw e;
        });
        unwrap(set);
      }
      sendEnvelope(ctx, 'GLOBAL_000');
    });

    router.post('/api/mypage/profile/image/delete', requireUser, async (ctx) => {
      unwrap(await d.setProfileImage.execute(principalOf(ctx.state).userId, null));
      sendEnvelope(ctx, 'GLOBAL_000');
    });

    router.post('/api/mypage/classroom/:classId/thumbnail', requireUser, async (ctx) => {
      const classId = pathId(ctx, 'classId');
      const caller = principalOf(ctx.state);
      unwrap(await d.setClassThumbnail.authorize(classId, caller));
      const form = await readMultipart(ctx, d.storage, { fileField: 'thumbnail', rules: IMAGE_RULES, keyPrefix: 'thumbnail' });
      const image = form.files[0]!;
      const set = await d.setClassThumbnail.execute(classId, image.storageKey, caller);
      if (!set.ok) await d.storage.delete(image.storageKey).catch(() => undefined);
      unwrap(set);
      sendEnvelope(ctx, 'GLOBAL_000');
    });
  }
}
