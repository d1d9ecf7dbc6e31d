import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { DownloadOptions } from '@sooscode/domain';
import { isStorageKey } from './storage-key';

/** What a signed file URL grants: one key, presented under one name and disposition, until `expiresAt`. */
export interface FileGrant {
  readonly key: string;
  readonly fileName: string;
  readonly disposition: 'inline' | 'attachment';
  /** Seconds since the epoch. */
  readonly expiresAt: number;
}

/** Why a file URL was refused. */
export type FileUrlRefusal = 'malformed' | 'tampered' | 'expired';

/** The path of the download route; the key follows it. */
export const FILE_ROUTE_PREFIX = '/api/files/';

/**
 * Short-lived, HMAC-SHA256-signed URLs of the API's download route
 * (`GET /api/files/{key}?n={fileName}&d={i|a}&e={expiresAt}&s={signature}`), over key, name,
 * disposition and expiry, with a key derived (HKDF) from the JWT secret, so every node signs and
 * checks alike. Expiries are rounded up to `bucketS`, so the same image yields the same URL for a while
 * (browser caching) and lives between `expiresInS` and `expiresInS + bucketS` seconds.
 */
export class SignedFileUrls {
  private readonly key: Buffer;

  constructor(
    secret: Uint8Array,
    private baseUrl: string,
    private readonly bucketS = 300,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'sooscode file urls', 32));
  }

  /** Changes the origin URLs are made for (once the listening port is known). */
  rebase(baseUrl: string): void {
    this.baseUrl = baseUrl;
  }

  /** A URL for `key` valid from `nowMs` for about `options.expiresInS` seconds. */
  urlFor(key: string, options: DownloadOptions, nowMs: number): string {
    const expiresAt = Math.ceil((nowMs / 1000 + options.expiresInS) / this.bucketS) * this.bucketS;
    const { fileName, disposition } = options;
    const grant: FileGrant = { key, fileName, disposition, expiresAt };
    const q = new URLSearchParams({ n: fileName, d: disposition === 'inline' ? 'i' : 'a', e: String(expiresAt), s: this.sign(grant) });
    return `${this.baseUrl}${FILE_ROUTE_PREFIX}${key.split('/').map(encodeURIComponent).join('/')}?${q.toString()}`;
  }

  /** The grant of a request to the download route (`key` from the path, the rest from the query). */
  verify(key: string, query: Record<string, unknown>, nowMs: number): FileGrant | FileUrlRefusal {
    const { n, d, e, s } = query;
    if (![n, d, e, s].every((v) => typeof v === 'string') || !isStorageKey(key) || !/^\d{1,12}$/.test(e as string) || (d !== 'i' && d !== 'a')) return 'malformed';
    const grant: FileGrant = { key, fileName: n as string, disposition: d === 'i' ? 'inline' : 'attachment', expiresAt: Number(e) };
    const expected = Buffer.from(this.sign(grant));
    const given = Buffer.from(s as string);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'tampered';
    if (grant.expiresAt * 1000 <= nowMs) return 'expired';
    return grant;
  }

  private sign(g: FileGrant): string {
    return createHmac('sha256', this.key).update(`${g.key}\n${g.fileName}\n${g.disposition}\n${g.expiresAt}`).digest('base64url');
  }
}
