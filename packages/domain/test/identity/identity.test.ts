/**
 * The identity domain tests: use cases against the in-memory adapters and fakes (no server), and the
 * port contract suites against the in-memory adapters. One `*.suite.ts` per concern, gathered in this
 * one file because vitest starts a process per test file and these run in milliseconds.
 */
import './credential-rules.suite';
import './log-in.suite';
import './refresh-session.suite';
import './session-access.suite';
import './register-user.suite';
import './email-code.suite';
import './account.suite';
import './password-reset.suite';
