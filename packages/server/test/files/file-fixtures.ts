import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { HttpClient } from '../support/test-server';

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
/** A minimal PDF (what `file-type` recognises is the `%PDF` header). */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** One part of a multipart form: a text field, or a file. */
export type Part = [name: string, value: string] | [name: string, bytes: Uint8Array, fileName: string];

/** Sends a multipart form as `client` (its cookies), answering status and parsed JSON. */
export async function sendForm(client: HttpClient, method: string, path: string, parts: readonly Part[]): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  for (const part of parts) {
    if (part.length === 2) form.append(part[0], part[1]);
    else form.append(part[0], new Blob([part[1]]), part[2]);
  }
  const headers: Record<string, string> = {};
  if (client.cookies.size) headers.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(client.baseUrl + path, { method, headers, body: form });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Every object stored under `root` (DATA_DIR/files), sidecars excluded, partial uploads included. */
export async function storedObjects(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (e.isDirectory()) await walk(join(dir, e.name));
      else if (!e.name.endsWith('.meta')) out.push(join(dir, e.name));
    }
  };
  await walk(root);
  return out;
}
