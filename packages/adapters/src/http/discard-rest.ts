import type { IncomingMessage } from 'node:http';

/**
 * Bytes of an oversized body the server still reads and throws away after answering 413. Draining
 * lets the client, which is still sending, read the answer (closing at once would reset the
 * connection and lose it); beyond this budget the connection is closed.
 */
export const DISCARD_BUDGET_BYTES = 16 * 1024 * 1024;

/** Reads and drops the rest of `req` (at most `budgetBytes`, then the socket is destroyed). */
export function discardRest(req: IncomingMessage, budgetBytes = DISCARD_BUDGET_BYTES): void {
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > budgetBytes) req.socket.destroy();
  });
  req.on('error', () => undefined);
  req.resume();
}
