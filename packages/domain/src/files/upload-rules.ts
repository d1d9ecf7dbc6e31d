import { domainError, type DomainError } from '../shared/domain-error';

const MiB = 1024 * 1024;

/** One kind of upload: which extensions it takes, how many files and how large (http.md §12). */
export interface UploadRules {
  /** Lower-case extensions without the dot. */
  readonly extensions: readonly string[];
  /** Largest file, bytes. */
  readonly maxFileBytes: number;
  /** Most files in one request. */
  readonly maxFiles: number;
}

/** Lecture materials: 1–10 files of at most 10 MiB, jpg/jpeg/png/pdf/txt/zip. */
export const LECTURE_FILE_RULES: UploadRules = { extensions: ['jpg', 'jpeg', 'png', 'pdf', 'txt', 'zip'], maxFileBytes: 10 * MiB, maxFiles: 10 };

/** Profile photos and class thumbnails: one image of at most 10 MiB. */
export const IMAGE_RULES: UploadRules = { extensions: ['jpg', 'jpeg', 'png', 'gif', 'webp'], maxFileBytes: 10 * MiB, maxFiles: 1 };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Longest accepted file name, in UTF-16 code units. */
export const MAX_FILE_NAME_LENGTH = 255;

/**
 * The file name as stored: the last path segment of what the client sent, trimmed. `FILE_015` when
 * it is empty, longer than `MAX_FILE_NAME_LENGTH`, has no name before its extension, or holds control
 * characters (NUL included) or a lone surrogate.
 */
export function checkFileName(raw: string): { name: string } | { error: DomainError } {
  const name = (raw.split(/[\\/]/).pop() ?? '').trim();
  const bad =
    name === '' ||
    name.length > MAX_FILE_NAME_LENGTH ||
    name.startsWith('.') ||
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f]/.test(name) ||
    LONE_SURROGATE.test(name);
  return bad ? { error: domainError('FILE_015') } : { name };
}

/** The lower-case extension of `name` (after the last dot), or `''`. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** `FILE_008` unless `name`'s extension is one `rules` allow. */
export function checkExtension(name: string, rules: UploadRules): DomainError | undefined {
  return rules.extensions.includes(extensionOf(name)) ? undefined : domainError('FILE_008');
}
