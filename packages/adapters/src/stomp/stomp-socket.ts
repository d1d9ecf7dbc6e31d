/**
 * What the transport knew about the HTTP request that opened a connection. For SockJS HTTP
 * transports this is the request that opened the SockJS session (captured by session id).
 */
export interface HandshakeInfo {
  /** Parsed `Cookie` header; for a repeated name the first non-empty value wins. */
  readonly cookies: Readonly<Record<string, string>>;
  /** The raw `Cookie` header, for callers that need their own rules. */
  readonly cookieHeader?: string;
  /** The raw `Authorization` header of the handshake request. */
  readonly authorization?: string;
  readonly remoteAddress?: string;
  readonly origin?: string;
}

/**
 * The minimal duplex text channel the STOMP core runs on. Implemented for raw WebSocket,
 * SockJS over WebSocket and the SockJS HTTP transports; tests use an in-memory one.
 */
export interface StompSocket {
  readonly handshake: HandshakeInfo;
  /**
   * Sends one text message (a whole frame or a heart-beat EOL); a Buffer holds UTF-8 text.
   * Never throws; a no-op once closed.
   */
  send(message: string | Buffer): void;
  /** Bytes accepted by `send` and not yet handed to the operating system. */
  readonly bufferedAmount: number;
  /**
   * Bytes accepted by `send` so far, counted in the units of `bufferedAmount` (monotonic), so that
   * `sentBytes - bufferedAmount` is how much has been handed to the operating system.
   */
  readonly sentBytes: number;
  /**
   * Closes the transport with a WebSocket close code (SockJS: a `c[code,"reason"]` frame).
   * Idempotent. The transport is gone within 1 s even if the peer does not answer.
   */
  close(code: number, reason: string): void;
  /** Stops reading from the peer, when the transport can (inbound backpressure). */
  pause?(): void;
  /** Undoes `pause`. */
  resume?(): void;
}

/** What a transport feeds into the STOMP core for one connection. */
export interface StompConnection {
  /** Bytes from the peer: a WebSocket message (text or binary) or one SockJS message. */
  receive(chunk: Buffer | string): void;
  /** The transport is closed or dead. Idempotent. */
  transportClosed(): void;
}

/** Parses a `Cookie` header. Names and values are percent-decoded when well-formed. */
export function parseCookieHeader(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = Object.create(null) as Record<string, string>;
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (!name || !value || cookies[name]) continue;
    cookies[name] = safeDecode(value);
  }
  return cookies;
}

function safeDecode(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
