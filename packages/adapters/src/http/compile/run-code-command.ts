import { parseLanguage, type Language, type RunCodeCommand, type SubmittedSource } from '@sooscode/domain';
import type { Base64SourceDecoder } from './base64-source-decoder';

/**
 * The `RunCode` command of a `POST /api/compile/run` JSON body (compile.md §2.1 steps 4 and 6):
 * `code` absent, not a string or empty is `missing`; not strict Base64 of UTF-8 is `undecodable`;
 * `language` absent, `null` or `""` is `java`, matched case-insensitively, and anything else
 * (an unknown name, a non-string) is `null`. Which error each gives, and in which order, is
 * `RunCode`'s business; other body fields are ignored.
 */
export function runCodeCommandOf(
  body: Readonly<Record<string, unknown>>,
  decoder: Pick<Base64SourceDecoder, 'decode'>,
  userId: number,
  arrivedAt: Date,
): RunCodeCommand {
  return { userId, source: submittedSource(body.code, decoder), language: wireLanguage(body.language), arrivedAt };
}

function submittedSource(code: unknown, decoder: Pick<Base64SourceDecoder, 'decode'>): SubmittedSource {
  if (typeof code !== 'string' || code === '') return { kind: 'missing' };
  const text = decoder.decode(code);
  return text === undefined ? { kind: 'undecodable' } : { kind: 'text', text };
}

function wireLanguage(raw: unknown): Language | null {
  if (raw !== undefined && raw !== null && typeof raw !== 'string') return null;
  return parseLanguage(raw) ?? null;
}
