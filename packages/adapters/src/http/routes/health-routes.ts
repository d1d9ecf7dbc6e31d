import type { Router } from '@koa/router';
import type { HttpModule } from '../http-module';
import { sendEnvelope } from '../responses';

/** A named readiness probe; resolves true when the dependency answers. */
export interface HealthCheck {
  readonly name: string;
  check(): Promise<boolean>;
}

/**
 * `GET /healthz` (the process is alive) and `GET /readyz` (every dependency answers within
 * `timeoutMs`, default 2000), http.md §13. While `isShuttingDown()` is true, /readyz answers 503
 * with `checks.shutdown: 'DOWN'` without probing anything.
 */
export class HealthRoutes implements HttpModule {
  constructor(
    private readonly checks: readonly HealthCheck[],
    private readonly isShuttingDown: () => boolean = () => false,
    private readonly timeoutMs = 2000,
  ) {}

  register(router: Router): void {
    router.get('/healthz', (ctx) => sendEnvelope(ctx, 'GLOBAL_000', { status: 'UP' }));
    router.get('/readyz', async (ctx) => {
      if (this.isShuttingDown()) return sendEnvelope(ctx, 'GLOBAL_503', { status: 'DOWN', checks: { shutdown: 'DOWN' } });
      const results: Record<string, 'UP' | 'DOWN'> = {};
      await Promise.all(
        this.checks.map(async (c) => {
          const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), this.timeoutMs).unref());
          const up = await Promise.race([c.check().catch(() => false), timeout]);
          results[c.name] = up ? 'UP' : 'DOWN';
        }),
      );
      const ready = Object.values(results).every((r) => r === 'UP');
      if (ready) sendEnvelope(ctx, 'GLOBAL_000', { status: 'UP', checks: results });
      else sendEnvelope(ctx, 'GLOBAL_503', { status: 'DOWN', checks: results });
    });
  }
}
