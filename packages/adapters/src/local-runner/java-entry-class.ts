/**
 * Finds the class to launch in a Java source file, as the reference worker does: the class
 * whose body declares `public static void main` (either modifier order). Comments, string,
 * text-block and character literals are ignored, nested classes are told apart by brace depth,
 * and a `package` declaration qualifies the name.
 */
export interface JavaEntryClass {
  /** Simple name: the source file must be `<simpleName>.java`. */
  readonly simpleName: string;
  /** The name to give `java` (`pkg.Name` when the source declares a package). */
  readonly qualifiedName: string;
}

const IDENT = String.raw`[\p{L}_$][\p{L}\p{N}_$]*`;
const TYPE_DECL = new RegExp(String.raw`\b(?:class|interface|enum|record)\s+(${IDENT})`, 'gu');
const MAIN_DECL = /\b(?:public\s+(?:final\s+)?static|static\s+(?:final\s+)?public)\s+(?:final\s+)?void\s+main\s*\(/gu;
const PACKAGE_DECL = new RegExp(String.raw`^\s*package\s+(${IDENT}(?:\s*\.\s*${IDENT})*)\s*;`, 'u');

/**
 * Returns the entry class of `source`, falling back to the first top-level `public class`, then
 * the first declared type, then `Main` (javac then reports the real problem as a compile error).
 */
export function javaEntryClass(source: string): JavaEntryClass {
  const code = blankCommentsAndLiterals(source);
  const types = [...code.matchAll(TYPE_DECL)].map((m) => ({ name: m[1] ?? '', at: m.index ?? 0 }));
  const main = MAIN_DECL.exec(code);
  MAIN_DECL.lastIndex = 0;
  let simpleName: string | undefined;
  if (main) simpleName = enclosingType(code, types, main.index);
  simpleName ??= /\bpublic\s+(?:final\s+|abstract\s+)*class\s+([\p{L}_$][\p{L}\p{N}_$]*)/u.exec(code)?.[1];
  simpleName ??= types[0]?.name ?? 'Main';
  const pkg = PACKAGE_DECL.exec(code)?.[1]?.replace(/\s+/g, '');
  return { simpleName, qualifiedName: pkg ? `${pkg}.${simpleName}` : simpleName };
}

/** The innermost type declaration whose `{ … }` body contains offset `at`. */
function enclosingType(code: string, types: { name: string; at: number }[], at: number): string | undefined {
  const stack: (string | undefined)[] = [];
  let pending: string | undefined;
  let next = 0;
  for (let i = 0; i < at; i++) {
    while (next < types.length && (types[next]?.at ?? Infinity) <= i) pending = types[next++]?.name;
    const c = code[i];
    if (c === '{') {
      stack.push(pending);
      pending = undefined;
    } else if (c === '}') {
      stack.pop();
    } else if (c === ';' || c === '=') {
      pending = undefined;
    }
  }
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i] !== undefined) return stack[i];
  return undefined;
}

/**
 * Replaces comments and literals by spaces (same length, so offsets stay valid).
 * Handles `//`, `/* *\/`, `"…"` with escapes, `"""` text blocks and `'…'`.
 */
export function blankCommentsAndLiterals(src: string): string {
  const out = src.split('');
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    const d = src[i + 1];
    if (c === '/' && d === '/') {
      const end = src.indexOf('\n', i);
      const stop = end < 0 ? src.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && d === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (src.startsWith('"""', i)) {
      const end = src.indexOf('"""', i + 3);
      const stop = end < 0 ? src.length : end + 3;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      blank(i, j + 1);
      i = j + 1;
    } else {
      i++;
    }
  }
  return out.join('');
}
