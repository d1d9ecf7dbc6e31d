import type { Router } from '@koa/router';
import { principalOf } from '../app-state';
import { clearAuthCookies } from '../auth-cookies';
import { BodyFields } from '../body-fields';
import { unwrap } from '../http-failure';
import type { HttpModule } from '../http-module';
import { readJsonObject } from '../json-body';
import { sendEnvelope } from '../responses';
import { presentMe } from './user-presenter';
import type { ChangePassword, EndUserAccess, UpdateProfile } from '@sooscode/domain';
import type { AuthGuards } from '../auth-middleware';
import type { AuthCookieOptions } from '../auth-cookies';
import type { ImageUrls } from '../image-urls';

/** What the `/api/me` and my-page account routes use. */
export interface MeRoutesDeps {
  readonly guards: AuthGuards;
  readonly cookies: AuthCookieOptions;
  /** Stored image fields → URLs for clients (DEFAULT_PROFILE_IMAGE_URL included). */
  readonly images: ImageUrls;
  readonly changePassword: ChangePassword;
  readonly updateProfile: UpdateProfile;
  readonly endUserAccess: EndUserAccess;
}

/** `GET /api/me` and the account part of `/api/mypage` (http.md §3, §7). */
export class MeRoutes implements HttpModule {
  constructor(private readonly deps: MeRoutesDeps) {}

  register(router: Router): void {
    const d = this.deps;
    const { requireUser } = d.guards;

    router.get('/api/me', requireUser, async (ctx) => {
      const p = principalOf(ctx.state);
      sendEnvelope(ctx, 'AUTH_006', presentMe({ id: p.userId, email: p.email, name: p.name, role: p.role, profileImageUrl: p.profileImageUrl }, d.images));
    });

    router.post('/api/mypage/password/update', requireUser, async (ctx) => {
      const body = new BodyFields(await readJsonObject(ctx));
      unwrap(
        await d.changePassword.execute(principalOf(ctx.state), {
          currentPassword: body.string('currentPassword'),
          newPassword: body.string('newPassword'),
          confirmPassword: body.string('confirmPassword'),
          clientIp: ctx.ip,
        }),
      );
      sendEnvelope(ctx, 'GLOBAL_000');
    });

    router.post('/api/mypage/profile/update', requireUser, async (ctx) => {
      const body = new BodyFields(await readJsonObject(ctx));
      const result = unwrap(await d.updateProfile.execute(principalOf(ctx.state).userId, { name: body.text('name') }));
      sendEnvelope(ctx, 'GLOBAL_000', result);
    });

    router.post('/api/mypage/delete', requireUser, async (ctx) => {
      await d.endUserAccess.execute(principalOf(ctx.state).userId);
      clearAuthCookies(ctx, d.cookies);
      sendEnvelope(ctx, 'GLOBAL_000');
    });
  }
}
