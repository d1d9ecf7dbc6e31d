import type { CodePayload, DomainError, Result } from '@sooscode/domain';
import { DetailReason, domainError, err, invalidField, ok } from '@sooscode/domain';

/** Languages are named in at most this many characters. */
const MAX_LANGUAGE_CHARS = 32;

/**
 * Reads a code-sync SEND body `{code, language?}` (stomp.md §5.5): code a string (may be empty) within
 * `maxChars` (CODE_SYNC_MAX_CHARS, else VALID_004); language a string ≤ 32, default `java`; wrong JSON
 * types and a missing code are GLOBAL_410.
 */
export function parseCodePayload(body: { code?: unknown; language?: unknown }, maxChars: number): Result<CodePayload, DomainError> {
  if (body.code === undefined || body.code === null) return err(invalidField('code', DetailReason.missing));
  if (typeof body.code !== 'string') return err(invalidField('code', DetailReason.format));
  if (body.code.length > maxChars) return err(domainError('VALID_004'));
  let language = 'java';
  if (body.language !== undefined && body.language !== null) {
    if (typeof body.language !== 'string') return err(invalidField('language', DetailReason.format));
    if (body.language.length > MAX_LANGUAGE_CHARS) return err(invalidField('language', DetailReason.length));
    language = body.language;
  }
  return ok({ code: body.code, language });
}
