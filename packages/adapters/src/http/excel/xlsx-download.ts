import { PassThrough, type Writable } from 'node:stream';
import type { Context } from 'koa';
import { XLSX_CONTENT_TYPE } from '../../excel/streamed-workbook';
import type { Logger } from '../../system/logger';

/** Sets the headers of an .xlsx attachment (http.md §12); `name` is plain ASCII. */
function setAttachment(ctx: Context, name: string): void {
  ctx.status = 200;
  ctx.type = XLSX_CONTENT_TYPE;
  ctx.set('Content-Disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`);
}

/** Answers a workbook built in memory as a RAW binary attachment. */
export function sendXlsx(ctx: Context, name: string, bytes: Buffer): void {
  setAttachment(ctx, name);
  ctx.body = bytes;
}

/**
 * Answers a workbook that `write` streams into the response as it is built (a RAW binary attachment,
 * no Content-Length). Call only after everything that may still answer with an envelope is done:
 * once this returns, the status is 200. A failure while writing can no longer become an envelope; it is
 * logged and the response is cut short, so the client sees a broken download rather than a wrong one.
 * When the client goes away the output is destroyed and `write` fails at its next wait.
 */
export function streamXlsx(ctx: Context, name: string, logger: Logger, write: (out: Writable) => Promise<void>): void {
  setAttachment(ctx, name);
  const out = new PassThrough();
  ctx.body = out;
  ctx.res.once('close', () => {
    if (!out.writableFinished) out.destroy();
  });
  write(out).catch((err: unknown) => {
    if (!out.destroyed) logger.error({ err, file: name }, 'xlsx export failed while streaming');
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
}
