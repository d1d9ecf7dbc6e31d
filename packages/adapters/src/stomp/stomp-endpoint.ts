import { randomUUID } from 'node:crypto';
import type { Logger } from '../system/logger';
import type { StompApplication } from './stomp-application';
import { CloseCode } from './stomp-errors';
import { resolveStompOptions, type StompOptions } from './stomp-options';
import { NO_STOMP_OBSERVER, type StompObserver } from './stomp-observer';
import { StompSession } from './stomp-session';
import type { StompConnection, StompSocket } from './stomp-socket';
import type { SubscriptionRegistry } from './subscription-registry';

const CLOSE_WAIT_MS = 5000;

export interface StompEndpointConfig {
  readonly application: StompApplication;
  /** The local broker; the application publishes through the same instance. */
  readonly registry: SubscriptionRegistry;
  readonly logger: Logger;
  /** Overrides of the contract defaults. */
  readonly options?: Partial<StompOptions>;
  /** Server session ids; random UUIDs by default. */
  readonly newSessionId?: () => string;
  /** Told about frames, drops and slow consumers (metrics). */
  readonly observer?: StompObserver;
}

/**
 * The transport-independent STOMP server: turns each transport connection into a session and
 * keeps track of the open ones. Transports call `open` with a `StompSocket` and feed the returned
 * `StompConnection`.
 */
export class StompEndpoint {
  readonly options: StompOptions;
  readonly registry: SubscriptionRegistry;
  private readonly sessions = new Set<StompSession>();
  private readonly newSessionId: () => string;
  private closing = false;
  private onDrained: (() => void) | undefined;

  constructor(private readonly config: StompEndpointConfig) {
    this.options = resolveStompOptions(config.options);
    this.registry = config.registry;
    this.newSessionId = config.newSessionId ?? randomUUID;
  }

  /** Starts a session on a freshly opened transport. */
  open(socket: StompSocket): StompConnection {
    const session = new StompSession(this.newSessionId(), socket, {
      application: this.config.application,
      registry: this.registry,
      options: this.options,
      logger: this.config.logger,
      observer: this.config.observer ?? NO_STOMP_OBSERVER,
      onEnded: (ended) => {
        this.sessions.delete(ended);
        if (this.sessions.size === 0) this.onDrained?.();
      },
    });
    this.sessions.add(session);
    if (this.closing) session.terminate(CloseCode.goingAway, 'server shutting down');
    return session;
  }

  /** Open sessions, connected or not. */
  get sessionCount(): number {
    return this.sessions.size;
  }

  /**
   * Closes every session (1001, no ERROR frame) and refuses new ones. Resolves once each ended
   * session has been reported to the application, or after 5 s at most.
   */
  async close(): Promise<void> {
    this.closing = true;
    const drained = new Promise<void>((resolve) => (this.onDrained = resolve));
    for (const session of [...this.sessions]) session.terminate(CloseCode.goingAway, 'server shutting down');
    if (this.sessions.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)));
    await Promise.race([drained, timeout]);
    clearTimeout(timer);
  }
}
