/**
 * The identity adapters: port contract suites against Postgres (TypeORM) and Redis, the jose, argon2 and
 * HMAC adapters, nodemailer against a loopback SMTP server, and the cookie/credential helpers. One
 * `*.suite.ts` per adapter, gathered in one file because vitest starts a process per test file.
 */
import './store-contracts.suite';
import './jose-access-tokens.suite';
import './password-and-keyed-hashers.suite';
import './nodemailer-mailer.suite';
import './auth-cookies.suite';
