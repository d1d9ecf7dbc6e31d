import type { S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { StorageWriteAbortedError, type DownloadOptions, type FileStorage, type StoredObjectInfo } from '@sooscode/domain';
import { lazyModule } from '../system/lazy-module';
import { contentDisposition } from './content-disposition';

/** The SDK (about 25 MiB of memory once loaded) is loaded when the first object is touched. */
const sdk = lazyModule(async () => ({
  ...(await import('@aws-sdk/client-s3')),
  ...(await import('@aws-sdk/lib-storage')),
  ...(await import('@aws-sdk/s3-request-presigner')),
}));
import { isStorageKey } from './storage-key';

/** Where and how to reach the bucket. */
export interface S3Settings {
  /** Endpoint URL for S3-compatible stores (MinIO, R2, a local s3rver); unset for AWS. */
  readonly endpoint?: string;
  readonly bucket: string;
  readonly region: string;
  /** Unset: the SDK's default credential chain (environment, instance role…). */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Path-style URLs (`endpoint/bucket/key`), needed by MinIO and s3rver. */
  readonly forcePathStyle: boolean;
}

/**
 * `FileStorage` on any S3-compatible object store. Uploads stream as a multipart upload
 * (`@aws-sdk/lib-storage`, 5 MiB parts), aborted, with nothing left behind, when the body fails;
 * downloads are presigned `GetObject` URLs with the response's `Content-Disposition` and type set.
 */
export class S3FileStorage implements FileStorage {
  private client: S3Client | undefined;

  constructor(private readonly settings: S3Settings) {}

  private async connect(): Promise<S3Client> {
    const { S3Client } = await sdk();
    const settings = this.settings;
    this.client ??= new S3Client({
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      ...(settings.credentials ? { credentials: settings.credentials } : {}),
    });
    return this.client;
  }

  async put(key: string, body: AsyncIterable<Uint8Array>, contentType: string): Promise<StoredObjectInfo> {
    this.check(key);
    let size = 0;
    const counted = Readable.from(
      (async function* () {
        for await (const chunk of body) {
          size += chunk.byteLength;
          yield chunk;
        }
      })(),
    );
    const [{ Upload }, client] = await Promise.all([sdk(), this.connect()]);
    const upload = new Upload({ client, params: { Bucket: this.settings.bucket, Key: key, Body: counted, ContentType: contentType }, leavePartsOnError: false });
    try {
      await upload.done();
    } catch (e) {
      await upload.abort().catch(() => undefined);
      await this.delete(key).catch(() => undefined);
      throw new StorageWriteAbortedError(e);
    }
    return { size, contentType };
  }

  async read(key: string): Promise<{ info: StoredObjectInfo; body: AsyncIterable<Uint8Array> } | null> {
    this.check(key);
    const [{ GetObjectCommand, NoSuchKey, NotFound }, client] = await Promise.all([sdk(), this.connect()]);
    try {
      const out = await client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      return { info: { size: Number(out.ContentLength ?? 0), contentType: out.ContentType ?? 'application/octet-stream' }, body: out.Body as Readable };
    } catch (e) {
      if (e instanceof NoSuchKey || e instanceof NotFound) return null;
      throw e;
    }
  }

  async exists(key: string): Promise<boolean> {
    const [{ HeadObjectCommand, NoSuchKey, NotFound }, client] = await Promise.all([sdk(), this.connect()]);
    try {
      await client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      return true;
    } catch (e) {
      if (e instanceof NotFound || e instanceof NoSuchKey) return false;
      throw e;
    }
  }

  async presignedGetUrl(key: string, options: DownloadOptions): Promise<string> {
    this.check(key);
    const [{ GetObjectCommand, getSignedUrl }, client] = await Promise.all([sdk(), this.connect()]);
    const command = new GetObjectCommand({
      Bucket: this.settings.bucket,
      Key: key,
      ResponseContentDisposition: contentDisposition(options.disposition, options.fileName),
    });
    return getSignedUrl(client, command, { expiresIn: options.expiresInS });
  }

  async delete(key: string): Promise<void> {
    this.check(key);
    const [{ DeleteObjectCommand }, client] = await Promise.all([sdk(), this.connect()]);
    await client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key }));
  }

  /** Closes the client's connections. */
  close(): void {
    this.client?.destroy();
  }

  private check(key: string): void {
    if (!isStorageKey(key)) throw new RangeError(`not a storage key: ${JSON.stringify(key)}`);
  }
}
