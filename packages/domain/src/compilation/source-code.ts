import { domainError, type DomainError } from '../shared/domain-error';
import { err, ok, type Result } from '../shared/result';
import type { CompilePolicy } from './compile-policy';
import { LANGUAGES, type Language } from './language';

/** A decoded source that passed every check of compile.md §2.1 steps 5–9. */
export interface SourceCode {
  readonly text: string;
  readonly language: Language;
}

/**
 * Counts source lines as compile.md §2.1 step 8 does: split on `\r\n`, `\r` or `\n`, drop the
 * trailing empty pieces, count what remains.
 */
export function countLines(text: string): number {
  const pieces = text.split(/\r\n|\r|\n/);
  let n = pieces.length;
  while (n > 0 && pieces[n - 1] === '') n--;
  return n;
}

/**
 * The checks of a decoded source, in the contract's order: not blank (`VALID_002`), language
 * enabled (`COMPILE_013`), length in UTF-16 code units (`VALID_004`), lines (`VALID_010`),
 * blacklist (`COMPILE_003`). The patterns are compiled once; an invalid pattern throws
 * `SyntaxError` at construction (a configuration error).
 */
export class SourceRules {
  private readonly enabled: ReadonlySet<Language>;
  private readonly blacklists: ReadonlyMap<Language, readonly RegExp[]>;

  constructor(private readonly policy: Pick<CompilePolicy, 'languages' | 'maxChars' | 'maxLines' | 'blacklists'>) {
    this.enabled = new Set(policy.languages);
    this.blacklists = new Map(LANGUAGES.map((l) => [l, (policy.blacklists[l] ?? []).map((p) => new RegExp(p))]));
  }

  /**
   * Checks `text` (the decoded source) and `language` (`null` when the request named a language
   * this API does not know, which is never enabled).
   */
  check(text: string, language: Language | null): Result<SourceCode, DomainError> {
    if (text.trim() === '') return err(domainError('VALID_002'));
    if (language === null || !this.enabled.has(language)) return err(domainError('COMPILE_013'));
    if (text.length > this.policy.maxChars) return err(domainError('VALID_004'));
    if (countLines(text) > this.policy.maxLines) return err(domainError('VALID_010'));
    for (const pattern of this.blacklists.get(language) ?? []) {
      if (pattern.test(text)) return err(domainError('COMPILE_003'));
    }
    return ok({ text, language });
  }
}
