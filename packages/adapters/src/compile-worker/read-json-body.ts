import type { IncomingMessage } from 'node:http';

/** Why a request body was rejected. */
export type BodyError = 'unsupported-type' | 'too-large' | 'malformed';

/**
 * Reads a JSON object body (`application/json`, strict UTF-8) of at most `maxBytes` bytes.
 * Resolves `{ body }` or `{ error }`; never rejects. A rejected body is drained, not kept, so the
 * connection stays usable for the error answer.
 */
export function readJsonBody(
  req: IncomingMessage,
  maxBytes: number,
): Promise<{ body: Record<string, unknown> } | { error: BodyError }> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== 'application/json') {
    req.resume();
    return Promise.resolve({ error: 'unsupported-type' });
  }
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
    req.resume();
    return Promise.resolve({ error: 'too-large' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    req.on('error', () => resolve({ error: 'malformed' }));
    req.on('end', () => {
      if (size > maxBytes) return resolve({ error: 'too-large' });
      try {
        const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) resolve({ error: 'malformed' });
        else resolve({ body: parsed as Record<string, unknown> });
      } catch {
        resolve({ error: 'malformed' });
      }
    });
  });
}
