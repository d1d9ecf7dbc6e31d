import { isUtf8 } from 'node:buffer';
import type { CommandDeps, CommandSession } from './command-session';
import { PreparedMessage } from './prepared-message';
import type { AppError, AppOutcome, JsonObject, SendResolution, SubscribeDecision } from './stomp-application';
import { CloseCode } from './stomp-errors';
import { TokenBucket } from './token-bucket';

/** Headers each client command must carry (stomp.md §3); ACK/NACK in 1.1 use `message-id`. */
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  SEND: ['destination'],
  SUBSCRIBE: ['destination', 'id'],
  UNSUBSCRIBE: ['id'],
  ACK: ['id'],
  NACK: ['id'],
  BEGIN: ['transaction'],
  COMMIT: ['transaction'],
  ABORT: ['transaction'],
  DISCONNECT: [],
};
const REQUIRED_11_ACK = ['message-id'];

type Command = 'SEND' | 'SUBSCRIBE';

/**
 * The commands of a connected session. Each call handles one frame completely, receipt included;
 * the session awaits it before the next frame.
 */
export class SessionCommands {
  private readonly inboundBudget: TokenBucket;

  constructor(
    private readonly session: CommandSession,
    private readonly deps: CommandDeps,
  ) {
    this.inboundBudget = new TokenBucket(deps.options.inboundBurst, deps.options.inboundPerSecond);
  }

  /** One token of the inbound SEND/SUBSCRIBE budget; a refusal counts as a dropped frame. */
  private takeInbound(): boolean {
    if (this.inboundBudget.take()) return true;
    this.deps.observer.frameDropped('rate_limit');
    return false;
  }

  async run(command: string, headers: ReadonlyMap<string, string>, body: Buffer): Promise<void> {
    const { session } = this;
    const receipt = headers.get('receipt');
    const required = REQUIRED[command];
    if (!required) return session.fail('GLOBAL_400', receipt);
    const needed = session.output.version === '1.1' && (command === 'ACK' || command === 'NACK') ? REQUIRED_11_ACK : required;
    for (const name of needed) if (!headers.has(name)) return session.fail('GLOBAL_400', receipt);
    switch (command) {
      case 'SEND':
        await this.send(headers.get('destination') as string, body);
        break;
      case 'SUBSCRIBE':
        if (session.subscriptions.has(headers.get('id') as string)) return session.fail('GLOBAL_400', receipt);
        await this.subscribe(headers.get('id') as string, headers.get('destination') as string, headers.get('ack'));
        break;
      case 'UNSUBSCRIBE':
        session.subscriptions.remove(headers.get('id') as string);
        break;
      case 'DISCONNECT':
        if (receipt !== undefined) session.output.receipt(receipt);
        return session.terminate(CloseCode.normal, 'DISCONNECT');
      default:
        break; // ACK, NACK, BEGIN, COMMIT, ABORT: accepted and ignored
    }
    if (receipt !== undefined && session.connected) session.output.receipt(receipt);
  }

  private async send(destination: string, body: Buffer): Promise<void> {
    let resolution: SendResolution;
    try {
      resolution = this.deps.application.resolveSend(destination);
    } catch (e) {
      return this.fault(e, 'SEND', destination);
    }
    if (!resolution.ok) return this.report(resolution.error, 'SEND', destination);
    if (!this.takeInbound()) return this.report({ code: 'GLOBAL_429' }, 'SEND', destination);
    const payload = parseJsonObject(body);
    if (!payload) return this.report({ code: 'GLOBAL_400' }, 'SEND', destination);
    let outcome: AppOutcome;
    try {
      outcome = await resolution.route(this.session, payload);
    } catch (e) {
      return this.fault(e, 'SEND', destination);
    }
    if (!outcome.ok) this.report(outcome.error, 'SEND', destination);
  }

  private async subscribe(id: string, destination: string, ackMode: string | undefined): Promise<void> {
    const { session, deps } = this;
    if (!this.takeInbound()) return this.report({ code: 'GLOBAL_429' }, 'SUBSCRIBE', destination);
    let decision: SubscribeDecision;
    try {
      decision = await deps.application.subscribe(session, destination);
    } catch (e) {
      return this.fault(e, 'SUBSCRIBE', destination);
    }
    if (!session.connected) return;
    if (!decision.ok) return this.report(decision.error, 'SUBSCRIBE', destination);
    if (session.subscriptions.size >= deps.options.maxSubscriptions) {
      return this.report({ code: 'GLOBAL_429' }, 'SUBSCRIBE', destination);
    }
    const ack = ackMode === 'client' || ackMode === 'client-individual';
    const { activate } = decision;
    const subscription = session.subscriptions.add(id, destination, ack, session.output.version, activate !== undefined);
    if (!activate) return;
    let snapshot: PreparedMessage | undefined;
    try {
      const body = await activate();
      snapshot = body === undefined ? undefined : PreparedMessage.of(destination, body);
    } catch (e) {
      session.subscriptions.remove(id, subscription);
      return this.fault(e, 'SUBSCRIBE', destination);
    }
    const held = subscription.pending ?? [];
    subscription.pending = undefined;
    subscription.pendingBytes = 0;
    if (snapshot) session.output.deliverNow(subscription, snapshot);
    for (const message of held) session.output.deliverNow(subscription, message);
  }

  private fault(e: unknown, command: Command, destination: string): void {
    this.deps.logger.error({ err: e, session: this.session.id, command, destination }, 'STOMP application fault');
    this.report({ code: 'GLOBAL_500' }, command, destination);
  }

  private report(error: AppError, command: Command, destination: string): void {
    this.session.output.reportError(this.session.subscriptions.errorQueues(), error, command, destination);
  }
}

/** Parses a SEND body as UTF-8 JSON; `undefined` unless it is a JSON object. */
export function parseJsonObject(body: Buffer): JsonObject | undefined {
  if (!isUtf8(body)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}
