import type { Logger } from '../system/logger';
import type { AnsweredRequest, HttpRequestObserver } from './request-observer';

/**
 * The HTTP access log: one info line `request` per answered request with the method, route
 * template, status, duration (`ms`), request id and user id when known. Never the URL's query,
 * cookies, headers or bodies, so no credential can reach the log through it.
 */
export class AccessLog implements HttpRequestObserver {
  constructor(private readonly logger: Logger) {}

  requestAnswered(r: AnsweredRequest): void {
    this.logger.info(
      { requestId: r.requestId, method: r.method, route: r.route, status: r.status, ms: Math.round(r.durationMs * 100) / 100, ...(r.userId === undefined ? {} : { userId: r.userId }) },
      'request',
    );
  }
}
