import { expect } from 'vitest';
import { StorageWriteAbortedError, type FileStorage } from '../../files/ports/file-storage';
import { contractSuite, type ContractOptions, type HarnessFactory } from './harness';

async function* chunks(...parts: (string | Uint8Array)[]): AsyncIterable<Uint8Array> {
  for (const p of parts) yield typeof p === 'string' ? new TextEncoder().encode(p) : p;
}

async function* failingAfter(bytes: number): AsyncIterable<Uint8Array> {
  for (let sent = 0; sent < bytes; sent += 1024 * 1024) yield new Uint8Array(Math.min(1024 * 1024, bytes - sent)).fill(7);
  throw new Error('client went away');
}

async function bytesOf(body: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const p of body) parts.push(p);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const DOWNLOAD = { fileName: '강의 자료 1.pdf', disposition: 'attachment', expiresInS: 60 } as const;

/**
 * The behaviour every `FileStorage` must have. Presigned URLs are fetched with `fetch`, so the
 * factory's subject must be reachable over HTTP (an S3 server, or the API's download route).
 */
export function fileStorageContract(name: string, factory: HarnessFactory<FileStorage>, options: ContractOptions = {}): void {
  contractSuite(`FileStorage contract: ${name}`, factory, options, (test) => {
    test('stores a streamed object and reads it back with its size and type', async (h) => {
      const info = await h.subject.put('contract/a/one.txt', chunks('hello, ', '수스코드'), 'text/plain');
      expect(info).toEqual({ size: 19, contentType: 'text/plain' });
      const read = await h.subject.read('contract/a/one.txt');
      expect(read?.info).toEqual({ size: 19, contentType: 'text/plain' });
      expect(text(await bytesOf(read!.body))).toBe('hello, 수스코드');
    });

    test('streams an object larger than one upload part', async (h) => {
      const part = new Uint8Array(1024 * 1024).fill(65);
      const info = await h.subject.put('contract/big.bin', chunks(...Array.from({ length: 6 }, () => part)), 'application/octet-stream');
      expect(info.size).toBe(6 * 1024 * 1024);
      expect((await bytesOf((await h.subject.read('contract/big.bin'))!.body)).byteLength).toBe(6 * 1024 * 1024);
    });

    test('leaves no object behind when the body fails part-way (early, or after a whole upload part)', async (h) => {
      for (const bytes of [64 * 1024, 6 * 1024 * 1024]) {
        await expect(h.subject.put('contract/cut.bin', failingAfter(bytes), 'application/octet-stream')).rejects.toBeInstanceOf(StorageWriteAbortedError);
        expect(await h.subject.read('contract/cut.bin')).toBeNull();
      }
    });

    test('hands out a presigned URL that serves the bytes under the given name', async (h) => {
      await h.subject.put('contract/doc.pdf', chunks('%PDF-1.4 fake'), 'application/pdf');
      const url = await h.subject.presignedGetUrl('contract/doc.pdf', DOWNLOAD);
      expect(url).toMatch(/^https?:\/\//);
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('%PDF-1.4 fake');
      expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('강의 자료 1.pdf')}`);
    });

    test('replaces an object stored again under the same key', async (h) => {
      await h.subject.put('contract/same', chunks('first'), 'text/plain');
      await h.subject.put('contract/same', chunks('second'), 'text/plain');
      expect(text(await bytesOf((await h.subject.read('contract/same'))!.body))).toBe('second');
    });

    test('deletes an object (its URL stops working), and deleting a missing key succeeds', async (h) => {
      await h.subject.put('contract/gone.txt', chunks('bye'), 'text/plain');
      const url = await h.subject.presignedGetUrl('contract/gone.txt', DOWNLOAD);
      await h.subject.delete('contract/gone.txt');
      expect(await h.subject.read('contract/gone.txt')).toBeNull();
      expect((await fetch(url)).status).toBeGreaterThanOrEqual(400);
      await expect(h.subject.delete('contract/never-stored')).resolves.toBeUndefined();
    });

    test('refuses keys the application never makes', async (h) => {
      for (const key of ['../escape', 'a/../../b', '/abs', '', 'a//b']) {
        await expect(h.subject.put(key, chunks('x'), 'text/plain')).rejects.toThrow();
      }
    });
  });
}
