import type { WireCode } from '../wire';
import type { Logger } from '../system/logger';
import { negotiateHeartbeat, negotiateVersion, parseHeartbeat, SUPPORTED_VERSIONS } from './connect-negotiation';
import { FrameParser } from './frame-parser';
import { decodeHeaders } from './header-codec';
import { InboundQueue } from './inbound-queue';
import type { PreparedMessage } from './prepared-message';
import { SessionCommands } from './session-commands';
import { SessionOutput } from './session-output';
import { SessionSubscriptions } from './session-subscriptions';
import type { StompApplication, StompPrincipal, StompSessionHandle } from './stomp-application';
import { CloseCode, closeCodeForError } from './stomp-errors';
import { firstRawHeader, type RawFrame } from './stomp-frame';
import { StompFrameError } from './stomp-frame-error';
import type { StompObserver } from './stomp-observer';
import type { StompOptions } from './stomp-options';
import type { HandshakeInfo, StompConnection, StompSocket } from './stomp-socket';
import type { Subscription, Subscriber } from './subscription';
import type { SubscriptionRegistry } from './subscription-registry';

/** What a session needs from the endpoint that created it. */
export interface StompSessionDeps {
  readonly application: StompApplication;
  readonly registry: SubscriptionRegistry;
  readonly options: StompOptions;
  readonly logger: Logger;
  readonly observer: StompObserver;
  /** Called once when the session has ended (the endpoint forgets it). */
  readonly onEnded: (session: StompSession) => void;
}

type State = 'awaiting-connect' | 'connecting' | 'connected' | 'closed';

/**
 * The per-connection STOMP state machine (stomp.md §2, §3). Inbound frames are parsed as bytes
 * arrive and processed strictly one at a time, in order, through an async queue. Protocol errors
 * send ERROR and close; application errors go to `/user/queue/errors` and keep the session open.
 * Nothing thrown by the application or caused by the peer escapes this class.
 */
export class StompSession implements StompSessionHandle, StompConnection, Subscriber {
  readonly attributes = new Map<string, unknown>();
  private state: State = 'awaiting-connect';
  private principalValue: StompPrincipal | undefined;
  private readonly parser: FrameParser;
  private readonly inbox: InboundQueue;
  private pumping: Promise<void> | undefined;
  private connectTimer: NodeJS.Timeout | undefined;
  /** Close code and reason when this side closed the transport; unset when the peer did. */
  private closedWith: { code: number; reason: string } | undefined;
  readonly output: SessionOutput;
  readonly subscriptions: SessionSubscriptions;
  private readonly commands: SessionCommands;

  constructor(
    readonly id: string,
    private readonly socket: StompSocket,
    private readonly deps: StompSessionDeps,
  ) {
    const { options } = deps;
    this.parser = new FrameParser(options);
    this.output = new SessionOutput(
      socket,
      options,
      (reason) => {
        deps.observer.slowConsumer();
        this.terminate(CloseCode.policyViolation, `slow consumer: ${reason}`);
      },
      () => this.terminate(CloseCode.timeout, 'heart-beat timeout'),
      deps.observer,
    );
    this.inbox = new InboundQueue(socket, options.maxInboundBacklogBytes, () => this.output.heartbeat.received());
    this.subscriptions = new SessionSubscriptions(deps.registry, this);
    this.commands = new SessionCommands(this, deps);
    this.connectTimer = setTimeout(() => this.terminate(CloseCode.timeout, 'CONNECT timeout'), options.connectTimeoutMs);
    this.connectTimer.unref();
  }

  // ---- StompSessionHandle --------------------------------------------------------------------

  get principal(): StompPrincipal {
    if (!this.principalValue) throw new Error('STOMP session is not authenticated');
    return this.principalValue;
  }

  get handshake(): HandshakeInfo {
    return this.socket.handshake;
  }

  get open(): boolean {
    return this.state !== 'closed';
  }

  get connected(): boolean {
    return this.state === 'connected';
  }

  get userId(): number {
    return this.principalValue?.userId ?? -1;
  }

  isSubscribedTo(destination: string): boolean {
    return this.subscriptions.isSubscribedTo(destination);
  }

  detach(matches: (destination: string) => boolean): number {
    return this.subscriptions.removeMatching(matches);
  }

  close(code: WireCode): void {
    this.fail(code, undefined);
  }

  // ---- Subscriber ----------------------------------------------------------------------------

  deliver(subscription: Subscription, message: PreparedMessage): void {
    this.output.deliver(subscription, message);
  }

  // ---- StompConnection -----------------------------------------------------------------------

  receive(chunk: Buffer | string): void {
    if (this.state === 'closed') return;
    this.output.heartbeat.received();
    const { frames, error } = this.parser.push(chunk);
    if (!this.inbox.add(frames, error)) {
      this.terminate(CloseCode.policyViolation, 'inbound backlog');
      return;
    }
    this.startPump();
  }

  transportClosed(): void {
    this.finish();
  }

  // ---- used by SessionCommands ---------------------------------------------------------------

  /** Sends ERROR `code` (with `receipt-id` when given) and closes the connection. */
  fail(code: WireCode, receiptId: string | undefined, withVersions?: string): void {
    if (this.state === 'closed') return;
    this.output.error(code, receiptId, withVersions);
    this.terminate(closeCodeForError(code), code);
  }

  /** Closes the transport without an ERROR frame and ends the session. */
  terminate(code: number, reason: string): void {
    if (this.state === 'closed') return;
    this.closedWith = { code, reason };
    this.socket.close(code, reason);
    this.finish();
  }

  // ---- internals -----------------------------------------------------------------------------

  private startPump(): void {
    if (this.pumping || this.inbox.length === 0 || this.state === 'closed') return;
    const run = this.pump();
    this.pumping = run;
    void run.then(() => {
      this.pumping = undefined;
      this.startPump();
    });
  }

  /** Processes queued frames in order, one at a time. Never rejects. */
  private async pump(): Promise<void> {
    try {
      for (let item = this.inbox.shift(); item && this.state !== 'closed'; item = this.inbox.shift()) {
        if (item instanceof StompFrameError) {
          this.deps.logger.debug({ session: this.id, reason: item.reason }, 'STOMP framing error');
          this.fail(item.code, undefined);
          break;
        }
        await this.process(item);
      }
    } catch (e) {
      this.deps.logger.error({ err: e, session: this.id }, 'STOMP session fault');
      this.fail('GLOBAL_500', undefined);
    }
  }

  private async process(frame: RawFrame): Promise<void> {
    const { command } = frame;
    this.deps.observer.frameReceived(command);
    const isConnect = command === 'CONNECT' || command === 'STOMP';
    if (this.state === 'awaiting-connect' && isConnect) return this.connect(frame);
    if (this.state !== 'connected' || isConnect) {
      // a frame before CONNECT, or a second CONNECT
      return this.fail('GLOBAL_400', firstRawHeader(frame, 'receipt'));
    }
    const decoded = decodeHeaders(frame.headers, this.output.version === '1.1' ? '1.1' : '1.2');
    if (!decoded.ok) return this.fail('GLOBAL_400', firstRawHeader(frame, 'receipt'));
    await this.commands.run(command, decoded.value, frame.body);
  }

  private async connect(frame: RawFrame): Promise<void> {
    const decoded = decodeHeaders(frame.headers, 'none');
    if (!decoded.ok) return this.fail('GLOBAL_400', undefined);
    const headers = decoded.value;
    const receipt = headers.get('receipt');
    const version = negotiateVersion(headers.get('accept-version'));
    if (!version) return this.fail('GLOBAL_400', receipt, SUPPORTED_VERSIONS);
    const clientBeat = parseHeartbeat(headers.get('heart-beat'));
    if (!clientBeat) return this.fail('GLOBAL_400', receipt);
    this.output.version = version;
    this.state = 'connecting';
    const { application, registry, options, logger } = this.deps;
    let result: Awaited<ReturnType<StompApplication['authenticate']>>;
    try {
      result = await application.authenticate(headers, this.socket.handshake);
    } catch (e) {
      logger.error({ err: e, session: this.id }, 'STOMP authentication fault');
      result = { ok: false, code: 'GLOBAL_500' };
    }
    if (this.state !== 'connecting') return;
    if (!result.ok) return this.fail(result.code, receipt);
    const { principal } = result;
    if (registry.sessionCount(principal.userId) >= options.maxSessionsPerUser) return this.fail('GLOBAL_429', receipt);
    clearTimeout(this.connectTimer);
    this.principalValue = principal;
    this.state = 'connected';
    registry.addSession(principal.userId, this);
    const serverBeat = [options.heartbeatSendMs, options.heartbeatReceiveMs] as const;
    this.output.frame('CONNECTED', [
      ['version', version],
      ['heart-beat', `${serverBeat[0]},${serverBeat[1]}`],
      ['session', this.id],
      ['server', 'sooscode-api'],
      ['user-name', String(principal.userId)],
    ]);
    const { outgoingMs, incomingMs } = negotiateHeartbeat(serverBeat, clientBeat);
    this.output.heartbeat.start(outgoingMs, incomingMs);
    logger.info({ session: this.id, userId: principal.userId, remoteAddress: this.socket.handshake.remoteAddress }, 'stomp session opened');
  }

  /** Ends the session once: stops timers, drops subscriptions, tells the application. */
  private finish(): void {
    if (this.state === 'closed') return;
    const wasConnected = this.state === 'connected';
    this.state = 'closed';
    clearTimeout(this.connectTimer);
    this.output.close();
    this.inbox.clear();
    this.subscriptions.clear();
    if (wasConnected) this.deps.registry.removeSession(this.userId, this);
    const closed = this.closedWith ?? { code: undefined, reason: 'closed by the client or transport' };
    this.deps.logger.info({ session: this.id, ...(wasConnected ? { userId: this.userId } : {}), connected: wasConnected, code: closed.code, reason: closed.reason }, 'stomp session closed');
    void this.ended(wasConnected);
  }

  private async ended(wasConnected: boolean): Promise<void> {
    try {
      await this.pumping; // the frame in flight (e.g. a join) completes before the leave
      if (wasConnected) await this.deps.application.sessionEnded(this);
    } catch (e) {
      this.deps.logger.error({ err: e, session: this.id }, 'STOMP sessionEnded fault');
    } finally {
      this.deps.onEnded(this);
    }
  }
}
