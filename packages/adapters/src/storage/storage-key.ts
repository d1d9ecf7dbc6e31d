import { randomUUID } from 'node:crypto';

const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/** True when `key` is a storage key this application makes: `/`-separated safe segments, no `..`. */
export function isStorageKey(key: string): boolean {
  return key.length <= 512 && KEY.test(key) && !key.split('/').some((s) => s === '..' || s.includes('..'));
}

/** A fresh key under `prefix` (e.g. `lecture/12`) keeping the extension, e.g. `lecture/12/9f…c1.pdf`. */
export function newStorageKey(prefix: string, extension: string): string {
  const ext = /^[a-z0-9]{1,10}$/.test(extension) ? `.${extension}` : '';
  return `${prefix}/${randomUUID()}${ext}`;
}
