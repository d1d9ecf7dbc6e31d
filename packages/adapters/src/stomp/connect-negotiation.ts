/** The protocol versions this server speaks, best first. */
export type NegotiatedVersion = '1.2' | '1.1';

/** The value of the `version` header of an ERROR for a failed negotiation. */
export const SUPPORTED_VERSIONS = '1.1,1.2';

/** Picks 1.2, else 1.1, from an `accept-version` header; `undefined` when neither is offered. */
export function negotiateVersion(acceptVersion: string | undefined): NegotiatedVersion | undefined {
  if (acceptVersion === undefined) return undefined;
  const offered = acceptVersion.split(',').map((v) => v.trim());
  if (offered.includes('1.2')) return '1.2';
  if (offered.includes('1.1')) return '1.1';
  return undefined;
}

/** A heart-beat pair `<x>,<y>` in milliseconds. */
export type HeartbeatPair = readonly [number, number];

const HEARTBEAT = /^\s*(\d{1,9})\s*,\s*(\d{1,9})\s*$/;

/** Parses a client `heart-beat` header; missing means `0,0`, malformed is `undefined`. */
export function parseHeartbeat(value: string | undefined): HeartbeatPair | undefined {
  if (value === undefined) return [0, 0];
  const m = HEARTBEAT.exec(value);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/**
 * The negotiated intervals (STOMP spec, stomp.md §2.3) from the server pair `[sx, sy]` and the
 * client pair `[cx, cy]`: server→client is 0 if `sx` or `cy` is 0, else max(sx, cy); client→server
 * is 0 if `cx` or `sy` is 0, else max(cx, sy).
 */
export function negotiateHeartbeat(server: HeartbeatPair, client: HeartbeatPair): { outgoingMs: number; incomingMs: number } {
  const [sx, sy] = server;
  const [cx, cy] = client;
  return {
    outgoingMs: sx === 0 || cy === 0 ? 0 : Math.max(sx, cy),
    incomingMs: cx === 0 || sy === 0 ? 0 : Math.max(cx, sy),
  };
}
