import { vi } from 'vitest';
import { silentLogger } from '../../../src/system/logger';
import { StompEndpoint } from '../../../src/stomp/stomp-endpoint';
import type { StompOptions } from '../../../src/stomp/stomp-options';
import type { HandshakeInfo, StompConnection } from '../../../src/stomp/stomp-socket';
import { SubscriptionRegistry } from '../../../src/stomp/subscription-registry';
import { FakeApplication } from './fake-application';
import { MemorySocket } from './memory-socket';

export interface Peer {
  readonly socket: MemorySocket;
  readonly connection: StompConnection;
  /** Sends one frame: command, headers, body. */
  frame(command: string, headers?: Record<string, string>, body?: string): void;
  /** Sends raw text. */
  raw(text: string | Buffer): void;
}

export function frameText(command: string, headers: Record<string, string> = {}, body = ''): string {
  let text = command + '\n';
  for (const [k, v] of Object.entries(headers)) text += `${k}:${v}\n`;
  return text + '\n' + body + '\0';
}

/** An endpoint with a fake application, driven through in-memory sockets. */
export function sessionFixture(options: Partial<StompOptions> = {}) {
  const app = new FakeApplication();
  const registry = new SubscriptionRegistry();
  app.registry = registry;
  let next = 0;
  const endpoint = new StompEndpoint({ application: app, registry, logger: silentLogger, options, newSessionId: () => `s-${++next}` });

  function open(handshake: HandshakeInfo = { cookies: {} }): Peer {
    const socket = new MemorySocket(handshake);
    const connection = endpoint.open(socket);
    return {
      socket,
      connection,
      frame: (command, headers, body) => connection.receive(frameText(command, headers, body)),
      raw: (text) => connection.receive(text),
    };
  }

  /** Opens a session and authenticates it as `userId` (a Bearer CONNECT header). */
  async function connected(userId = 7, extra: Record<string, string> = {}): Promise<Peer> {
    const peer = open();
    peer.frame('CONNECT', { 'accept-version': '1.2', Authorization: `Bearer valid-${userId}`, ...extra });
    await until(() => peer.socket.commands().includes('CONNECTED'));
    return peer;
  }

  return { app, registry, endpoint, open, connected };
}

/** Retries until `condition` holds (fails after `timeoutMs`). */
export async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  await vi.waitFor(
    () => {
      if (!condition()) throw new Error('condition not met in time');
    },
    { timeout: timeoutMs, interval: 2 },
  );
}

/** Lets queued frame processing run to completion. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}
