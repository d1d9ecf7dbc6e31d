const HTTP_SCHEME_OF: Readonly<Record<string, string>> = {
  'ws:': 'http:',
  'wss:': 'https:',
  'http:': 'http:',
  'https:': 'https:',
};

/**
 * The base URL of LiveKit's Room API for a `LIVEKIT_URL`: `ws://` becomes `http://` and
 * `wss://` becomes `https://` (http and https are kept). Only the origin is kept, since Twirp
 * paths are absolute (`/twirp/livekit.RoomService/<Method>`).
 * Throws on a malformed URL or another scheme.
 */
export function roomServiceUrlOf(livekitUrl: string): string {
  const url = new URL(livekitUrl);
  const scheme = HTTP_SCHEME_OF[url.protocol];
  if (scheme === undefined) throw new RangeError('LIVEKIT_URL must use ws, wss, http or https');
  return `${scheme}//${url.host}`;
}
