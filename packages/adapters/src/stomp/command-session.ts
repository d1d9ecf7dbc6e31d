import type { WireCode } from '../wire';
import type { Logger } from '../system/logger';
import type { SessionOutput } from './session-output';
import type { SessionSubscriptions } from './session-subscriptions';
import type { StompApplication, StompSessionHandle } from './stomp-application';
import type { StompObserver } from './stomp-observer';
import type { StompOptions } from './stomp-options';

/**
 * The session as its command handlers (`SessionCommands`) see it. `StompSession` implements it;
 * keeping it apart lets the handlers depend on this shape rather than on the session class.
 */
export interface CommandSession extends StompSessionHandle {
  readonly output: SessionOutput;
  readonly subscriptions: SessionSubscriptions;
  /** True between CONNECTED and the end of the session. */
  readonly connected: boolean;
  /** Sends ERROR `code` (with `receipt-id` when given) and closes the connection. */
  fail(code: WireCode, receiptId: string | undefined): void;
  /** Closes the transport without an ERROR frame and ends the session. */
  terminate(code: number, reason: string): void;
}

/** What the command handlers use of the session's dependencies. */
export interface CommandDeps {
  readonly application: StompApplication;
  readonly options: StompOptions;
  readonly logger: Logger;
  readonly observer: StompObserver;
}
