import busboy from 'busboy';
import type { Context } from 'koa';
import { discardRest } from '../discard-rest';
import { HttpFailure } from '../http-failure';
import { wireError } from '../../wire';

/** Limits of one multipart request carrying one file. */
export interface SingleFileLimits {
  /** Name of the file field. */
  readonly field: string;
  /** Largest file kept, in bytes; a larger one is reported as `tooLarge` without reading the rest. */
  readonly maxFileBytes: number;
  /** Largest request body read, in bytes (http.md §1.1: 10 MiB); beyond it 413 `GLOBAL_413`. */
  readonly maxRequestBytes: number;
}

/** What one multipart request carried in its file field. */
export type SingleFileUpload =
  | { readonly kind: 'file'; readonly fileName: string; readonly mimeType: string; readonly bytes: Buffer }
  /** The file was larger than `maxFileBytes` (the rest of the body was drained, not kept). */
  | { readonly kind: 'tooLarge' }
  /** No part of that name carried a file. */
  | { readonly kind: 'missing' };

/**
 * Reads a `multipart/form-data` body (415 `GLOBAL_415` otherwise) with busboy, streaming: the file of
 * `limits.field` is kept in memory up to `maxFileBytes`, and reading stops as soon as it grows past that.
 * Text fields are ignored (at most 10 of 1 KiB), parts of other names are drained. A second file part,
 * a malformed body or a client that aborts is 400 `GLOBAL_400`; a body over `maxRequestBytes` is 413
 * `GLOBAL_413`. After an early stop the rest of the body is drained (bounded), so the client still
 * receives the answer.
 */
export async function readSingleFile(ctx: Context, limits: SingleFileLimits): Promise<SingleFileUpload> {
  if (!ctx.is('multipart/form-data')) throw new HttpFailure(wireError('GLOBAL_415'));
  if (Number(ctx.get('content-length') || '0') > limits.maxRequestBytes) throw new HttpFailure(wireError('GLOBAL_413'));
  let bb: busboy.Busboy;
  try {
    bb = busboy({
      headers: ctx.req.headers,
      preservePath: true,
      // busboy marks a file that reaches `fileSize` as cut short, so it gets one byte more; the size is counted here.
      limits: { files: 1, fileSize: limits.maxFileBytes + 1, fields: 10, fieldSize: 1024, parts: 12 },
    });
  } catch {
    throw new HttpFailure(wireError('GLOBAL_400'));
  }
  const req = ctx.req;
  return new Promise<SingleFileUpload>((resolve, reject) => {
    let settled = false;
    let received = 0;
    let upload: SingleFileUpload = { kind: 'missing' };
    const stop = (): void => {
      req.off('data', count);
      req.unpipe(bb);
      bb.removeAllListeners();
      bb.on('error', () => undefined);
      discardRest(req);
    };
    const finish = (outcome: SingleFileUpload | HttpFailure, early: boolean): void => {
      if (settled) return;
      settled = true;
      if (early) stop();
      if (outcome instanceof HttpFailure) reject(outcome);
      else resolve(outcome);
    };
    const count = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > limits.maxRequestBytes) finish(new HttpFailure(wireError('GLOBAL_413')), true);
    };
    req.on('data', count);
    bb.on('file', (name, file, info) => {
      if (name !== limits.field) {
        file.resume();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      file.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxFileBytes) finish({ kind: 'tooLarge' }, true);
        else chunks.push(chunk);
      });
      file.on('limit', () => finish({ kind: 'tooLarge' }, true));
      file.on('end', () => {
        if (!settled) upload = { kind: 'file', fileName: info.filename ?? '', mimeType: info.mimeType ?? '', bytes: Buffer.concat(chunks) };
      });
    });
    bb.on('filesLimit', () => finish(new HttpFailure(wireError('GLOBAL_400')), true));
    bb.on('error', () => finish(new HttpFailure(wireError('GLOBAL_400')), true));
    bb.on('close', () => finish(upload, false));
    req.on('aborted', () => finish(new HttpFailure(wireError('GLOBAL_400')), true));
    req.pipe(bb);
  });
}
