import { afterAll, beforeAll, describe } from 'vitest';
import { SmtpSink } from '../../../adapters/test/identity/smtp-sink';
import { HAS_REDIS } from '../../../adapters/test/support/services';
import { accessTokenSuite } from './access-tokens.suite';
import { accountSuite } from './account.suite';
import { emailVerificationSuite } from './email-verification.suite';
import { SharedServer } from './identity-support';
import { loginThrottleSuite } from './login-throttle.suite';
import { loginSuite, secureCookieSuite } from './login.suite';
import { redisSessionSuite } from './redis-session.suite';
import { sessionSuite } from './session.suite';

/**
 * The identity HTTP tests (auth, me, my-page account) in one file: vitest gives each file its own
 * process, and importing the server stack dominates a suite's cost on a small machine, so the suites
 * (one `*.suite.ts` each) share this file and four servers, started in parallel:
 *
 * - main: defaults, LOGIN_MAX_FAILURES_PER_ACCOUNT=3;
 * - secure: COOKIE_SECURE=true and short, non-default lifetimes;
 * - mail: a loopback SMTP server, verification required, TRUST_PROXY and small login limits;
 * - redis: session state in Redis (only when Redis is available).
 *
 * Every server runs on an OffsetClock, so expiry is reached by moving time, never by waiting.
 */
const sink = new SmtpSink();
const main = new SharedServer({ env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' } });
const secure = new SharedServer({
  env: { COOKIE_SECURE: 'true', JWT_ACCESS_TTL_S: '900', REFRESH_TTL_S: '3600', REFRESH_ABSOLUTE_TTL_S: '1200', ACCESS_RENEW_BEFORE_S: '600' },
});
const mail = new SharedServer(() => ({
  env: {
    SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port), SMTP_TIMEOUT_MS: '3000', AUTH_REQUIRE_EMAIL_VERIFICATION: 'true', EMAIL_CODE_MAX_ATTEMPTS: '5',
    TRUST_PROXY: 'true', LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_IP: '5', LOGIN_LOCK_WINDOW_S: '900',
  },
}));
const redis = new SharedServer({ redis: true, env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '2' } });
const servers = HAS_REDIS ? [main, secure, mail, redis] : [main, secure, mail];

beforeAll(async () => {
  await sink.start();
  await Promise.all(servers.map((s) => s.start()));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await sink.stop();
});

loginSuite(main);
accountSuite(main);
sessionSuite(main);
accessTokenSuite(main);
secureCookieSuite(secure);
loginThrottleSuite(mail);
emailVerificationSuite(mail, sink);
describe.skipIf(!HAS_REDIS)('with Redis', () => {
  redisSessionSuite(redis);
});
