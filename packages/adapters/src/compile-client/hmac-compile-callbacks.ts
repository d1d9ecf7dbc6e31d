import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CompileCallbacks } from '@sooscode/domain';

/**
 * Callback URLs and tokens of compile.md §4:
 * `token = base64url_without_padding(HMAC-SHA256(secret, "compile-callback:" + jobId))`, 43
 * characters of `A–Z a–z 0–9 - _`. `secret` (`COMPILE_CALLBACK_SECRET`) must be shared by every
 * API instance. The URLs carry the token: never log them.
 */
export class HmacCompileCallbacks implements CompileCallbacks {
  private readonly base: string;

  /** `baseUrl` is `COMPILE_CALLBACK_BASE_URL`: this API as the backend sees it (a trailing slash is ignored). */
  constructor(
    private readonly secret: Uint8Array | string,
    baseUrl: string,
  ) {
    this.base = baseUrl.replace(/\/+$/, '');
  }

  /** The token of `jobId`. */
  tokenFor(jobId: string): string {
    return createHmac('sha256', this.secret).update(`compile-callback:${jobId}`).digest('base64url');
  }

  urlFor(jobId: string): string {
    return `${this.base}/api/compile/callback/${jobId}?token=${this.tokenFor(jobId)}`;
  }

  /** The URL Judge0 `PUT`s the result of `jobId` to (compile.md §7), with the same token. */
  judge0UrlFor(jobId: string): string {
    return `${this.base}/api/compile/judge0/callback/${jobId}?token=${this.tokenFor(jobId)}`;
  }

  accepts(jobId: string, token: string): boolean {
    const expected = Buffer.from(this.tokenFor(jobId), 'utf8');
    const given = Buffer.from(token, 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
