import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StorageWriteAbortedError, type Clock, type DownloadOptions, type FileStorage, type StoredObjectInfo } from '@sooscode/domain';
import type { SignedFileUrls } from './signed-file-urls';
import { isStorageKey } from './storage-key';

/**
 * `FileStorage` in a folder on this machine (the embedded default: `DATA_DIR/files`). An object is
 * a file at its key plus a `.meta` sidecar holding its content type; it is written under a
 * temporary name and renamed when complete, so a reader never sees half an object and a failed
 * upload leaves nothing. Downloads go through the API's signed URLs (`SignedFileUrls`).
 */
export class LocalDiskFileStorage implements FileStorage {
  constructor(
    private readonly root: string,
    private readonly urls: SignedFileUrls,
    private readonly clock: Clock,
  ) {}

  async put(key: string, body: AsyncIterable<Uint8Array>, contentType: string): Promise<StoredObjectInfo> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const partial = `${path}.part-${randomUUID()}`;
    try {
      await pipeline(Readable.from(body), createWriteStream(partial, { mode: 0o600 }));
      await writeFile(`${path}.meta`, JSON.stringify({ contentType }), { mode: 0o600 });
      await rename(partial, path);
    } catch (e) {
      await rm(partial, { force: true });
      throw new StorageWriteAbortedError(e);
    }
    return { size: (await stat(path)).size, contentType };
  }

  async read(key: string): Promise<{ info: StoredObjectInfo; body: AsyncIterable<Uint8Array> } | null> {
    const path = this.pathOf(key);
    try {
      const [st, meta] = await Promise.all([stat(path), readFile(`${path}.meta`, 'utf8')]);
      const contentType = String((JSON.parse(meta) as { contentType?: unknown }).contentType ?? 'application/octet-stream');
      return { info: { size: st.size, contentType }, body: createReadStream(path) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  presignedGetUrl(key: string, options: DownloadOptions): Promise<string> {
    this.pathOf(key);
    return Promise.resolve(this.urls.urlFor(key, options, this.clock.now().getTime()));
  }

  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    await rm(path, { force: true });
    await rm(`${path}.meta`, { force: true });
  }

  private pathOf(key: string): string {
    if (!isStorageKey(key)) throw new RangeError(`not a storage key: ${JSON.stringify(key)}`);
    return join(this.root, ...key.split('/'));
  }
}
