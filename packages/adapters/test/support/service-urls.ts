import net from 'node:net';

/** Postgres admin URL for tests: TEST_DATABASE_URL, DATABASE_URL, or the machine's local server. */
export const POSTGRES_ADMIN_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Redis URL for tests: TEST_REDIS_URL, REDIS_URL, or the machine's local server. */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** True under CI, where a missing service is a failure, never a skip. */
export const IN_CI = process.env.CI === 'true';

/** Resolves true when a TCP connection to the URL's host and port succeeds within 1 s. */
export function reachable(url: string, defaultPort: number): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port || defaultPort) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
