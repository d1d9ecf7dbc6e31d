/** STOMP protocol versions the codec knows. The server negotiates only 1.1 and 1.2. */
export type StompVersion = '1.0' | '1.1' | '1.2';

/** A header as it appeared on the wire: name and value, escape sequences not yet decoded. */
export type RawHeader = readonly [name: string, value: string];

/**
 * A frame as delimited by the streaming parser. Header escapes are left undecoded because the
 * escape rules depend on the version negotiated by CONNECT, which may still be pending when the
 * next frames arrive (see `decodeHeaders`).
 */
export interface RawFrame {
  readonly command: string;
  /** Header lines in wire order, repeated names kept (the first one wins when decoded). */
  readonly headers: readonly RawHeader[];
  readonly body: Buffer;
  /** Size counted against the frame limit: header section (command line to blank line) plus body. */
  readonly byteLength: number;
}

/** A frame whose headers are decoded: escapes resolved, first occurrence of a name kept. */
export interface StompFrame {
  readonly command: string;
  readonly headers: ReadonlyMap<string, string>;
  readonly body: Buffer;
}

/** Returns the first raw header with `name`, undecoded; used before a version is known. */
export function firstRawHeader(frame: RawFrame, name: string): string | undefined {
  for (const [key, value] of frame.headers) if (key === name) return value;
  return undefined;
}
