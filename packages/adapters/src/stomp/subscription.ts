import { escapeHeader } from './header-codec';
import type { PreparedMessage } from './prepared-message';
import type { StompVersion } from './stomp-frame';

/** The session side of a subscription: turns a publication into a MESSAGE frame on its socket. */
export interface Subscriber {
  readonly userId: number;
  deliver(subscription: Subscription, message: PreparedMessage): void;
}

/** The key under which a subscription is indexed: per user for `/user/...` destinations. */
export function registryKey(destination: string, userId: number): string {
  // NUL cannot occur in a decoded header value, so user keys never collide with destinations.
  return destination.startsWith('/user/') ? `\0${userId}\0${destination}` : destination;
}

/** One active SUBSCRIBE of one session. */
export class Subscription {
  readonly key: string;
  /** `subscription:<id>\n`, escaped for the session's version. */
  readonly subscriptionLine: string;
  /** Publications held back while the subscription is activating (until its snapshot is sent). */
  pending: PreparedMessage[] | undefined;
  /** Approximate size of `pending`. */
  pendingBytes = 0;
  /** False once unsubscribed, detached or the session ended. */
  active = true;

  constructor(
    readonly owner: Subscriber,
    readonly id: string,
    readonly destination: string,
    /** True for `ack:client` / `ack:client-individual`: MESSAGE frames then carry `ack`. */
    readonly ack: boolean,
    version: StompVersion,
  ) {
    this.key = registryKey(destination, owner.userId);
    this.subscriptionLine = 'subscription:' + escapeHeader(id, version === '1.1' ? '1.1' : '1.2') + '\n';
  }
}
