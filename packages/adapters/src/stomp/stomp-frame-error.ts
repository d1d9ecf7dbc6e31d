/** The two ways a byte stream can fail to be STOMP, with the catalogue code each maps to. */
export type StompFrameErrorCode = 'GLOBAL_400' | 'GLOBAL_413';

/**
 * A typed framing failure: `GLOBAL_413` when a limit (frame bytes, header section bytes, header
 * count) is exceeded, `GLOBAL_400` for anything malformed (bad EOL, NUL inside the header
 * section, header line without a colon, invalid UTF-8 in headers, bad `content-length`, missing
 * NUL terminator, undefined escape sequence). `reason` is for logs only, never sent to clients.
 */
export class StompFrameError extends Error {
  constructor(
    readonly code: StompFrameErrorCode,
    readonly reason: string,
  ) {
    super(`${code}: ${reason}`);
    this.name = 'StompFrameError';
  }

  static malformed(reason: string): StompFrameError {
    return new StompFrameError('GLOBAL_400', reason);
  }

  static tooLarge(reason: string): StompFrameError {
    return new StompFrameError('GLOBAL_413', reason);
  }
}
