/**
 * A compiled blacklist: regular expressions searched anywhere in the decoded source,
 * case-sensitively, comments and string literals included (compile.md §2.2).
 */
export type Blacklist = readonly RegExp[];

/** Compiles pattern sources; throws `SyntaxError` on an invalid pattern (a configuration error). */
export function compileBlacklist(patterns: readonly string[]): Blacklist {
  return patterns.map((p) => new RegExp(p));
}

/** The text matched by the first pattern that hits `code`, or `undefined`. */
export function findBlacklistHit(code: string, blacklist: Blacklist): string | undefined {
  for (const re of blacklist) {
    const m = re.exec(code);
    if (m) return m[0];
  }
  return undefined;
}
