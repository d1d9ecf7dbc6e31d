import type { HandshakeInfo } from './stomp-socket';

/**
 * Remembers the handshake (cookies, Authorization, Origin) of the HTTP request that opens a
 * SockJS session, keyed by the `{session}` path segment, because the `sockjs` package does not
 * expose cookies on its connections. The first request for a session id wins; entries expire
 * after `ttlMs` and at most `maxEntries` are kept (oldest dropped first).
 */
export class HandshakeCapture {
  private readonly entries = new Map<string, { readonly handshake: HandshakeInfo; readonly expiresAt: number }>();

  constructor(
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 10_000,
  ) {}

  remember(sessionId: string, handshake: HandshakeInfo): void {
    const now = Date.now();
    this.prune(now);
    if (this.entries.has(sessionId)) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(sessionId, { handshake, expiresAt: now + this.ttlMs });
  }

  /** Returns and forgets the handshake of `sessionId`, if captured and not expired. */
  take(sessionId: string): HandshakeInfo | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    this.entries.delete(sessionId);
    return entry.expiresAt > Date.now() ? entry.handshake : undefined;
  }

  get size(): number {
    return this.entries.size;
  }

  private prune(now: number): void {
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt > now) return; // insertion order is expiry order
      this.entries.delete(id);
    }
  }
}
