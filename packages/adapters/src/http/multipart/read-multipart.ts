import busboy from 'busboy';
import type { Context } from 'koa';
import type { Readable } from 'node:stream';
import { checkExtension, checkFileName, extensionOf, StorageWriteAbortedError, type FileStorage, type StoredUpload, type UploadRules } from '@sooscode/domain';
import { wireError, type WireError } from '../../wire';
import { HttpFailure } from '../http-failure';
import { newStorageKey } from '../../storage/storage-key';
import { CONTENT_TYPES, contentMatchesExtension, SNIFF_BYTES } from './sniff-type';

/** One multipart request's shape: its file field and rules, and where the files are stored. */
export interface MultipartSpec {
  /** Name of the (repeatable) file field; parts with other names that carry a file are refused. */
  readonly fileField: string;
  readonly rules: UploadRules;
  /** Key prefix of the stored objects, e.g. `lecture`. */
  readonly keyPrefix: string;
  /** Whether a request without any file is allowed (else `FILE_013`). */
  readonly fileOptional?: boolean;
  /**
   * Called once, when the first file part starts, with the text fields read so far: it may throw
   * an `HttpFailure` (a refusal) so that nothing is read or stored.
   */
  readonly beforeFirstFile?: (fields: ReadonlyMap<string, string>) => Promise<void>;
}

/** What was read: the text fields and the stored files, in order. */
export interface ReceivedMultipart {
  readonly fields: ReadonlyMap<string, string>;
  readonly files: StoredUpload[];
}

const MAX_FIELDS = 20;
const MAX_FIELD_BYTES = 1024;

/**
 * Reads a `multipart/form-data` request (415 `GLOBAL_415` otherwise) with busboy, streaming each file
 * of `spec.fileField` to `storage` under a fresh key while enforcing, as the bytes arrive: the file
 * count (`FILE_017`), each file's size (`FILE_009`), its name (`FILE_015`), its extension against
 * the allow-list (`FILE_008`) and its first bytes against the extension (`FILE_008`), empty files
 * (`FILE_014`), and at least one file (`FILE_013`). Text fields are limited to 20 of 1 KiB each
 * (`FILE_005`). When anything fails, every object stored so far is deleted before the
 * `HttpFailure` is thrown, and the connection is closed instead of reading the rest.
 */
export async function readMultipart(ctx: Context, storage: FileStorage, spec: MultipartSpec): Promise<ReceivedMultipart> {
  if (!ctx.is('multipart/form-data')) throw new HttpFailure(wireError('GLOBAL_415'));
  const fields = new Map<string, string>();
  const stored: StoredUpload[] = [];
  let failure: WireError | undefined;
  let chain: Promise<void> = Promise.resolve();
  let firstFile = true;

  let bb: busboy.Busboy;
  try {
    bb = busboy({
      headers: ctx.req.headers,
      defParamCharset: 'utf8',
      limits: { files: spec.rules.maxFiles, fileSize: spec.rules.maxFileBytes + 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, parts: MAX_FIELDS + spec.rules.maxFiles + 1 },
    });
  } catch {
    throw new HttpFailure(wireError('FILE_005')); // no boundary, or a header busboy cannot read
  }
  let current: Readable | undefined;
  let finish: () => void = () => undefined;
  /** Records the first refusal and stops reading: the rest of the body is never parsed or stored. */
  const refuse = (e: WireError) => {
    failure ??= e;
    ctx.req.unpipe(bb);
    current?.destroy();
    finish();
  };

  const done = new Promise<void>((resolve) => {
    finish = resolve;
    bb.on('field', (name, value, info) => {
      if (info.valueTruncated || info.nameTruncated) refuse(wireError('FILE_005'));
      else fields.set(name, value);
    });
    bb.on('file', (name, file, info) => {
      if (failure) return void file.resume();
      chain = chain.then(() => receiveFile(name, file, info.filename));
    });
    bb.on('filesLimit', () => refuse(wireError('FILE_017')));
    bb.on('fieldsLimit', () => refuse(wireError('FILE_005')));
    bb.on('partsLimit', () => refuse(wireError('FILE_005')));
    bb.on('error', () => {
      refuse(wireError('FILE_005'));
      resolve();
    });
    bb.on('close', () => resolve());
    ctx.req.on('error', () => {
      refuse(wireError('FILE_005'));
      resolve();
    });
    ctx.req.on('aborted', () => {
      refuse(wireError('FILE_005'));
      resolve();
    });
  });

  const receiveFile = async (name: string, file: Readable, rawName: string | undefined): Promise<void> => {
    current = file;
    try {
      if (failure) return;
      if (name !== spec.fileField) return refuse(wireError('FILE_005'));
      if (firstFile) {
        firstFile = false;
        await spec.beforeFirstFile?.(fields);
      }
      const checked = checkFileName(rawName ?? '');
      if ('error' in checked) return refuse(checked.error);
      const badExtension = checkExtension(checked.name, spec.rules);
      if (badExtension) return refuse(badExtension);
      const extension = extensionOf(checked.name);
      const upload = await storeFile(file, checked.name, extension);
      if ('error' in upload) return refuse(upload.error);
      stored.push(upload);
    } catch (e) {
      if (e instanceof HttpFailure) return refuse(e.error);
      throw e;
    } finally {
      current = undefined;
      if (!failure) file.resume(); // drain what is left of a part that was not stored
    }
  };

  const storeFile = async (file: Readable, fileName: string, extension: string): Promise<StoredUpload | { error: WireError }> => {
    const iterator = file[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const head: Buffer[] = [];
    let headBytes = 0;
    let ended = false;
    while (headBytes < SNIFF_BYTES) {
      const next = await iterator.next();
      if (next.done) {
        ended = true;
        break;
      }
      head.push(next.value);
      headBytes += next.value.byteLength;
    }
    const first = Buffer.concat(head);
    // busboy stops a file at maxFileBytes + 1 bytes (and marks it truncated): a file of exactly the limit passes.
    const tooLarge = (bytes: number) => bytes > spec.rules.maxFileBytes || (file as Readable & { truncated?: boolean }).truncated === true;
    if (tooLarge(first.byteLength)) return { error: wireError('FILE_009') };
    if (first.byteLength === 0) return { error: wireError('FILE_014') };
    if (!(await contentMatchesExtension(first.subarray(0, SNIFF_BYTES), extension))) return { error: wireError('FILE_008') };
    const key = newStorageKey(spec.keyPrefix, extension);
    const contentType = CONTENT_TYPES[extension] ?? 'application/octet-stream';
    let received = first.byteLength;
    async function* body(): AsyncIterable<Uint8Array> {
      yield first;
      if (!ended) {
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
          received += next.value.byteLength;
          if (tooLarge(received)) throw new Error('file over its size limit');
          yield next.value;
        }
      }
      if (tooLarge(received)) throw new Error('file over its size limit');
    }
    try {
      const info = await storage.put(key, body(), contentType);
      return { fileName, storageKey: key, contentType, size: info.size };
    } catch (e) {
      if (e instanceof StorageWriteAbortedError) {
        return { error: wireError(tooLarge(received) ? 'FILE_009' : 'FILE_005') };
      }
      throw e;
    }
  };

  ctx.req.pipe(bb);
  await done;
  await chain.catch((e: unknown) => {
    failure ??= wireError('S3_001');
    ctx.state.uploadError = e;
  });
  if (!failure && stored.length === 0 && !spec.fileOptional) failure = wireError('FILE_013');
  if (failure) {
    ctx.set('Connection', 'close');
    await Promise.all(stored.map((s) => storage.delete(s.storageKey).catch(() => undefined)));
    throw new HttpFailure(failure);
  }
  return { fields, files: stored };
}
