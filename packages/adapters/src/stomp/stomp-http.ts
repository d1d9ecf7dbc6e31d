import { randomInt } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { ENVELOPE_STATUSES, WIRE_MESSAGES } from '../wire';
import { parseCookieHeader, type HandshakeInfo } from './stomp-socket';

/** Headers every response to an allowed Origin carries (http.md §1.6). */
export function applyCorsHeaders(res: ServerResponse, origin: string): void {
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Expose-Headers', 'Authorization, Retry-After, Content-Disposition, X-Request-Id');
}

/** Answers a CORS preflight under the SockJS prefix. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  res.statusCode = 204;
  res.setHeader('Access-Control-Allow-Methods', 'OPTIONS, GET, POST');
  const requested = req.headers['access-control-request-headers'];
  if (requested) res.setHeader('Access-Control-Allow-Headers', requested);
  res.setHeader('Access-Control-Max-Age', '1800');
  res.end();
}

/** `GET <prefix>/info` (stomp.md §1). */
export function answerInfo(res: ServerResponse): void {
  const body = JSON.stringify({ websocket: true, origins: ['*:*'], cookie_needed: false, entropy: randomInt(0, 2 ** 32 - 1) });
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/json; charset=UTF-8');
  res.setHeader('Cache-Control', 'no-store, no-cache, no-transform, must-revalidate, max-age=0');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

function envelope(code: 'GLOBAL_403' | 'GLOBAL_404' | 'GLOBAL_503' | 'GLOBAL_500'): { status: number; body: string } {
  const status = ENVELOPE_STATUSES[code];
  return { status, body: JSON.stringify({ success: false, status, code, message: WIRE_MESSAGES[code] }) };
}

/** An enveloped error response (no CORS headers for a refused Origin). */
export function answerError(res: ServerResponse, code: 'GLOBAL_403' | 'GLOBAL_404' | 'GLOBAL_503' | 'GLOBAL_500'): void {
  const { status, body } = envelope(code);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

/** Refuses a WebSocket upgrade with a plain HTTP response and drops the socket. */
export function refuseUpgrade(socket: Duplex, code: 'GLOBAL_403' | 'GLOBAL_404' | 'GLOBAL_503'): void {
  const { status, body } = envelope(code);
  const reason = { 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' }[status] ?? 'Error';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    () => socket.destroy(),
  );
}

/** What the STOMP layer keeps of the HTTP request that opened a transport. */
export function handshakeOf(req: IncomingMessage): HandshakeInfo {
  const { cookie, authorization, origin } = req.headers;
  return {
    cookies: parseCookieHeader(cookie),
    ...(cookie === undefined ? {} : { cookieHeader: cookie }),
    ...(authorization === undefined ? {} : { authorization }),
    ...(origin === undefined ? {} : { origin }),
    ...(req.socket.remoteAddress === undefined ? {} : { remoteAddress: req.socket.remoteAddress }),
  };
}

/** The path of a request URL, without query string. */
export function pathOf(url: string | undefined): string {
  if (!url) return '/';
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}
