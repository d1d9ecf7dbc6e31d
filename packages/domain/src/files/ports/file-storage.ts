/** What is known of a stored object. */
export interface StoredObjectInfo {
  /** Size, bytes. */
  readonly size: number;
  readonly contentType: string;
}

/** How a presigned download should present the object to the browser. */
export interface DownloadOptions {
  /** The name the browser saves it under (`Content-Disposition`). */
  readonly fileName: string;
  /** `inline` shows images in the page; `attachment` downloads. */
  readonly disposition: 'inline' | 'attachment';
  /** Lifetime of the URL, seconds. */
  readonly expiresInS: number;
}

/** Thrown by `FileStorage.put` when the body stream fails or ends early: nothing was stored. */
export class StorageWriteAbortedError extends Error {
  constructor(cause?: unknown) {
    super('the upload stream ended before the object was stored', { cause });
    this.name = 'StorageWriteAbortedError';
  }
}

/**
 * Where uploaded files live, by key (`[A-Za-z0-9._/-]`, no `..`; made by the application, never by
 * a client). Implementations: S3-compatible object storage, a folder on local disk.
 * * `put` streams `body` to `key` and resolves once it is stored; when `body` throws part-way it
 *   rejects with `StorageWriteAbortedError` and leaves no object behind.
 * * `presignedGetUrl` is a short-lived URL a browser can `GET` without other credentials.
 * * `delete` of a missing key succeeds.
 * Infrastructure faults throw.
 */
export interface FileStorage {
  put(key: string, body: AsyncIterable<Uint8Array>, contentType: string): Promise<StoredObjectInfo>;
  /** The object's bytes, or `null` when there is none. */
  read(key: string): Promise<{ info: StoredObjectInfo; body: AsyncIterable<Uint8Array> } | null>;
  presignedGetUrl(key: string, options: DownloadOptions): Promise<string>;
  delete(key: string): Promise<void>;
}
