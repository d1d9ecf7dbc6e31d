/** The languages a compile backend can run. Wire form: lower case. */
export const LANGUAGES = ['java', 'python', 'javascript'] as const;

/** A language a compile backend can run (`java`, `python` = Python 3, `javascript` = Node.js). */
export type Language = (typeof LANGUAGES)[number];

/**
 * Parses a wire language name, case-insensitively (compile.md §2).
 * `undefined`, `null` and `""` mean `java`. Returns `undefined` for any other unknown value;
 * whether a known language is *enabled* is a separate policy (`COMPILE_LANGUAGES`).
 */
export function parseLanguage(raw: string | null | undefined): Language | undefined {
  if (raw === undefined || raw === null || raw === '') return 'java';
  const lower = raw.toLowerCase();
  return (LANGUAGES as readonly string[]).includes(lower) ? (lower as Language) : undefined;
}
