import type { Router } from '@koa/router';
import type { Context } from 'koa';
import type { CheckEmailAvailability, Clock, IssuedSession, LogIn, LogOut, RefreshSession, RegisterUser, ResetPassword, SendEmailCode, SendPasswordResetCode, VerifyEmailCode } from '@sooscode/domain';
import { clearAuthCookies, firstUsableCookie, setAccessCookie, setRefreshCookie } from '../auth-cookies';
import { accessTokenOf } from '../auth-middleware';
import { BodyFields } from '../body-fields';
import { failWith, unwrap } from '../http-failure';
import type { HttpModule } from '../http-module';
import { readJsonObject } from '../json-body';
import { requiredQueryText } from '../params';
import { sendEnvelope } from '../responses';
import { presentLogin } from './user-presenter';
import type { AuthCookieOptions } from '../auth-cookies';
import type { ImageUrls } from '../image-urls';

/** What the public auth routes use. */
export interface AuthRoutesDeps {
  readonly cookies: AuthCookieOptions;
  readonly clock: Clock;
  /** Stored image fields → URLs for clients (DEFAULT_PROFILE_IMAGE_URL included). */
  readonly images: ImageUrls;
  readonly logIn: LogIn;
  readonly logOut: LogOut;
  readonly refresh: RefreshSession;
  readonly register: RegisterUser;
  readonly sendEmailCode: SendEmailCode;
  readonly verifyEmailCode: VerifyEmailCode;
  readonly checkEmail: CheckEmailAvailability;
  readonly sendPasswordResetCode: SendPasswordResetCode;
  readonly resetPassword: ResetPassword;
}

/** `/api/auth/**` except Google sign-in (http.md §2, account recovery §15). Every route here is public. */
export class AuthRoutes implements HttpModule {
  constructor(private readonly deps: AuthRoutesDeps) {}

  private setSessionCookies(ctx: Context, session: IssuedSession): void {
    const now = this.deps.clock.now();
    setAccessCookie(ctx, session.accessToken, session.accessTtlS, now, this.deps.cookies);
    setRefreshCookie(ctx, session.refreshToken, session.refreshTtlS, now, this.deps.cookies);
  }

  register(router: Router): void {
    const d = this.deps;

    router.post('/api/auth/login', async (ctx) => {
      const body = new BodyFields(await readJsonObject(ctx));
      const { user, session } = unwrap(await d.logIn.execute({ email: body.text('email'), password: body.string('password'), clientIp: ctx.ip }));
      this.setSessionCookies(ctx, session);
      sendEnvelope(ctx, 'AUTH_000', presentLogin(user, d.images));
    });

    router.post('/api/auth/logout', async (ctx) => {
      const { token } = accessTokenOf(ctx);
      const refreshToken = firstUsableCookie(ctx.get('cookie') || undefined, 'refreshToken');
      clearAuthCookies(ctx, d.cookies);
      const ended = await d.logOut.execute({ accessToken: token, refreshToken });
      if (!ended) failWith('GLOBAL_401');
      sendEnvelope(ctx, 'AUTH_001');
    });

    router.post('/api/auth/refresh', async (ctx) => {
      const refreshToken = firstUsableCookie(ctx.get('cookie') || undefined, 'refreshToken');
      const result = await d.refresh.execute(refreshToken);
      if (!result.ok) {
        clearAuthCookies(ctx, d.cookies);
        failWith(result.error.code);
      }
      this.setSessionCookies(ctx, result.value);
      sendEnvelope(ctx, 'AUTH_005');
    });

    router.post('/api/auth/register', async (ctx) => {
      const body = new BodyFields(await readJsonObject(ctx));
      const user = unwrap(
        await d.register.execute({
          email: body.text('email'),
          name: body.text('name'),
          password: body.string('password'),
          confirmPassword: body.string('confirmPassword'),
        }),
      );
      sendEnvelope(ctx, 'AUTH_002', { email: user.email, name: user.name, role: user.role });
    });

    router.get('/api/auth/email/check', async (ctx) => {
      const email = requiredQueryText(ctx, 'email');
      unwrap(await d.checkEmail.execute({ email, clientIp: ctx.ip }));
      sendEnvelope(ctx, 'AUTH_003');
    });

    router.post('/api/auth/email/send', async (ctx) => {
      const body = new BodyFields(await readJsonObject(ctx));
      unwrap(await d.sendEmailCode.execute({ email: body.text('email'), clientIp: ctx.ip }));
      sendEnvelope(ctx, 'AUTH_004');
    });

    router.post('/api/auth/email/verify', async (ctx) => {
      const body = new BodyFields(await readJsonObject(ctx));
      unwrap(await d.verifyEmailCode.execute({ email: body.text('email'), code: body.string('code') }));
      sendEnvelope(ctx, 'AUTH_003');
    });

    router.post('/api/auth/password/forgot', async (ctx) => {
      const body = new BodyFields(await readJsonObject(ctx));
      unwrap(await d.sendPasswordResetCode.execute({ email: body.text('email'), clientIp: ctx.ip }));
      sendEnvelope(ctx, 'AUTH_007');
    });

    router.post('/api/auth/password/reset', async (ctx) => {
      const body = new BodyFields(await readJsonObject(ctx));
      unwrap(await d.resetPassword.execute({ email: body.text('email'), code: body.string('code'), newPassword: body.string('newPassword') }));
      sendEnvelope(ctx, 'AUTH_008');
    });
  }
}
