import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { Router } from '@koa/router';
import { domainError } from '@sooscode/domain';
import { HttpFailure } from '../http-failure';
import type { HttpModule } from '../http-module';

/** Where the exposition comes from (`PromMetrics`). */
export interface MetricsExposition {
  readonly contentType: string;
  text(): Promise<string>;
}

const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return (isIP(plain) === 4 && plain.startsWith('127.')) || plain === '::1';
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * `GET /metrics` on the API port (Prometheus text format), not public. With a token, the request
 * needs `Authorization: Bearer <token>` (compared in constant time), else 401 `GLOBAL_401`. Without
 * one, only a loopback peer whose request carries no proxy forwarding header gets it (a reverse
 * proxy on the same host would otherwise make every client look local), else 403 `GLOBAL_403`.
 */
export class MetricsRoutes implements HttpModule {
  private readonly tokenDigest: Buffer | undefined;

  constructor(private readonly exposition: MetricsExposition, token: string | undefined) {
    this.tokenDigest = token === undefined ? undefined : digest(token);
  }

  register(router: Router): void {
    router.get('/metrics', async (ctx) => {
      if (this.tokenDigest) {
        const presented = /^Bearer (.+)$/.exec(ctx.get('authorization'))?.[1];
        if (presented === undefined || !timingSafeEqual(digest(presented), this.tokenDigest)) {
          ctx.set('WWW-Authenticate', 'Bearer');
          throw new HttpFailure(domainError('GLOBAL_401'));
        }
      } else if (!isLoopback(ctx.req.socket.remoteAddress) || FORWARDING_HEADERS.some((h) => ctx.get(h) !== '')) {
        throw new HttpFailure(domainError('GLOBAL_403'));
      }
      ctx.set('Cache-Control', 'no-store');
      ctx.type = this.exposition.contentType;
      ctx.body = await this.exposition.text();
    });
  }
}
