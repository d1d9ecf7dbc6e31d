import { randomUUID } from 'node:crypto';
import type { LiveSessionControl, SessionTerminator } from '@sooscode/domain';
import type { LiveFanOut } from './live-fan-out';
import type { Redis } from 'ioredis';
import type { Logger } from '../system/logger';
import type { LocalLiveSessions } from './local-live-sessions';

/** One command relayed to every node. `json` is the payload serialized once by the publishing node. */
type LiveCommand =
  | { t: 'pub'; d: string; json: string }
  | { t: 'user'; u: number; d: string; json: string }
  | { t: 'detach'; c: number; u?: number }
  | { t: 'families'; f: string[] }
  | { t: 'closeUser'; u: number };

/**
 * Live-session commands across nodes through Redis pub/sub: every broadcast, user message, detach and
 * termination is published once on one channel; every node (this one included, through its own
 * subscription) applies it to its local sessions. Messages of one publisher keep their order.
 */
export class RedisLiveBus implements LiveFanOut, LiveSessionControl, SessionTerminator {
  private readonly channel: string;
  private subscriber: Redis | undefined;
  readonly nodeId = randomUUID();

  constructor(
    private readonly publisher: Redis,
    private readonly local: LocalLiveSessions,
    private readonly logger: Logger,
    prefix = 'sooscode:',
  ) {
    this.channel = `${prefix}live`;
  }

  /** Opens the subscriber connection; resolves once subscribed. */
  async start(): Promise<void> {
    this.subscriber = this.publisher.duplicate();
    this.subscriber.on('error', (err: Error) => this.logger.warn({ err: err.message }, 'redis live bus error'));
    this.subscriber.on('message', (_channel: string, message: string) => this.apply(message));
    await this.subscriber.subscribe(this.channel);
  }

  async stop(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  private apply(message: string): void {
    let cmd: LiveCommand;
    try {
      cmd = JSON.parse(message) as LiveCommand;
    } catch {
      this.logger.warn({}, 'ignored a malformed live-bus message');
      return;
    }
    const done = (p: Promise<void> | void) => void Promise.resolve(p).catch((err: unknown) => this.logger.error({ err }, 'live-bus command failed'));
    switch (cmd.t) {
      case 'pub':
        return done(this.local.publishJson(cmd.d, cmd.json));
      case 'user':
        return done(this.local.sendToUser(cmd.u, cmd.d, JSON.parse(cmd.json) as object));
      case 'detach':
        return done(this.local.detach(cmd.c, cmd.u));
      case 'families':
        return done(this.local.closeFamilies(cmd.f));
      case 'closeUser':
        return done(this.local.closeUser(cmd.u));
    }
  }

  private async send(cmd: LiveCommand): Promise<void> {
    await this.publisher.publish(this.channel, JSON.stringify(cmd));
  }

  publish(destination: string, payload: object): Promise<void> {
    return this.send({ t: 'pub', d: destination, json: JSON.stringify(payload) });
  }

  sendToUser(userId: number, destination: string, payload: object): Promise<void> {
    return this.send({ t: 'user', u: userId, d: destination, json: JSON.stringify(payload) });
  }

  detach(classId: number, userId?: number): Promise<void> {
    return this.send(userId === undefined ? { t: 'detach', c: classId } : { t: 'detach', c: classId, u: userId });
  }

  closeFamilies(familyIds: readonly string[]): Promise<void> {
    return this.send({ t: 'families', f: [...familyIds] });
  }

  closeUser(userId: number): Promise<void> {
    return this.send({ t: 'closeUser', u: userId });
  }
}
