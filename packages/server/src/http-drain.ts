import type { Server } from 'node:http';

/**
 * Stops `server` from accepting connections, closes its idle keep-alive connections, and resolves
 * once every request in flight has been answered (their connections then close), or after
 * `timeoutMs` milliseconds, when the remaining connections are destroyed.
 */
export function drainHttpServer(server: Server, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, timeoutMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/**
 * While `isDraining()` is true, every response of `server` carries `Connection: close`, so clients
 * do not reuse a connection that is about to go away. Runs before the other request listeners.
 */
export function closeConnectionsWhileDraining(server: Server, isDraining: () => boolean): void {
  server.prependListener('request', (_req, res) => {
    if (isDraining() && !res.headersSent) res.setHeader('connection', 'close');
  });
}
