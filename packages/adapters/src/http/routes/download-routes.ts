import type { Router } from '@koa/router';
import { Readable } from 'node:stream';
import { failWith } from '../http-failure';
import type { HttpModule } from '../http-module';
import { contentDisposition } from '../../storage/content-disposition';
import type { FileRouteDeps } from './file-route-deps';

/** Content types served as they are; anything else is served as `application/octet-stream`. */
const SAFE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf', 'application/zip', 'text/plain; charset=utf-8']);

/**
 * `GET /api/files/{key}?n&d&e&s`: the target of the signed URLs (`SignedFileUrls`). No session is
 * needed: the signature is the credential. Malformed → 400 `FILE_005`; tampered or expired →
 * 403 `FILE_010`; no such object → 404 `FILE_001`. Served with `nosniff`, a sandboxing CSP and the
 * granted `Content-Disposition`; with S3 the answer is a 302 to a presigned URL of the object.
 */
export class DownloadRoutes implements HttpModule {
  constructor(private readonly deps: FileRouteDeps) {}

  register(router: Router): void {
    const d = this.deps;
    router.get('/api/files/*key', async (ctx) => {
      const key = String((ctx.params as Record<string, unknown>).key ?? '');
      const grant = d.urls.verify(key, ctx.query, d.clock.now().getTime());
      if (grant === 'malformed') failWith('FILE_005');
      if (grant === 'tampered' || grant === 'expired') failWith('FILE_010');
      if (d.download === 'redirect') {
        ctx.redirect(await d.storage.presignedGetUrl(grant.key, { fileName: grant.fileName, disposition: grant.disposition, expiresInS: 60 }));
        return;
      }
      const found = await d.storage.read(grant.key);
      if (!found) failWith('FILE_001');
      ctx.status = 200;
      ctx.set('Content-Type', SAFE_TYPES.has(found.info.contentType) ? found.info.contentType : 'application/octet-stream');
      ctx.set('Content-Length', String(found.info.size));
      ctx.set('Content-Disposition', contentDisposition(grant.disposition, grant.fileName));
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
      ctx.set('Cache-Control', 'private, max-age=300');
      ctx.body = Readable.from(found.body);
    });
  }
}
