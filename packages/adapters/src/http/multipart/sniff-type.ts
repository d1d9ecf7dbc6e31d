import { lazyModule } from '../../system/lazy-module';

/** `file-type` (about 11 MiB once loaded) is loaded by the first upload. */
const fileType = lazyModule(() => import('file-type'));

/** Bytes read before a file's type is decided from its content. */
export const SNIFF_BYTES = 4100;

/** What `file-type` may detect for each allowed extension (office files are ZIP archives too). */
const DETECTED: Record<string, readonly string[]> = {
  jpg: ['jpg'],
  jpeg: ['jpg'],
  png: ['png'],
  gif: ['gif'],
  webp: ['webp'],
  pdf: ['pdf'],
  zip: ['zip', 'docx', 'xlsx', 'pptx', 'epub', 'jar', 'odt', 'ods', 'odp'],
  xlsx: ['xlsx'],
};

/** The `Content-Type` stored and served for each allowed extension (never the client's claim). */
export const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  zip: 'application/zip',
  txt: 'text/plain; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * True when the first bytes of a file (`head`, up to `SNIFF_BYTES`) agree with its extension:
 * binary formats by their magic bytes (`file-type`); `txt` when no binary format is recognised and
 * there is no NUL byte.
 */
export async function contentMatchesExtension(head: Uint8Array, extension: string): Promise<boolean> {
  const detected = await (await fileType()).fileTypeFromBuffer(head);
  if (extension === 'txt') return detected === undefined && !head.includes(0);
  return detected !== undefined && (DETECTED[extension] ?? []).includes(detected.ext);
}
