import type { Language } from '@sooscode/domain';

/**
 * The default blacklist of each language (compile.md §2.2): regular-expression sources,
 * searched case-sensitively anywhere in the decoded source, comments and strings included.
 * Configurable per language (`COMPILE_BLACKLIST_JAVA`, `_PYTHON`, `_JAVASCRIPT`); the API
 * applies them before dispatch and the standalone worker applies them again. Defence in depth
 * only: the sandbox is the security boundary.
 */
export const DEFAULT_BLACKLISTS: Readonly<Record<Language, readonly string[]>> = {
  /** Exactly the contract's 39 Java patterns, in order. */
  java: [
    String.raw`System\s*\.\s*exit`,
    String.raw`Runtime\s*\.\s*getRuntime`,
    String.raw`ProcessBuilder`,
    String.raw`exec\s*\(`,
    String.raw`java\s*\.\s*io\s*\.\s*File`,
    String.raw`FileInputStream`,
    String.raw`FileOutputStream`,
    String.raw`FileReader`,
    String.raw`FileWriter`,
    String.raw`RandomAccessFile`,
    String.raw`System\s*\.\s*getenv`,
    String.raw`System\s*\.\s*getProperty`,
    String.raw`Files\s*\.\s*read`,
    String.raw`Files\s*\.\s*write`,
    String.raw`Paths\s*\.\s*get`,
    String.raw`Path\s*\.\s*of`,
    String.raw`Socket`,
    String.raw`ServerSocket`,
    String.raw`URLConnection`,
    String.raw`HttpURLConnection`,
    String.raw`openStream`,
    String.raw`InetAddress`,
    String.raw`java\s*\.\s*lang\s*\.\s*reflect`,
    String.raw`Class\s*\.\s*forName`,
    String.raw`ClassLoader`,
    String.raw`getDeclared`,
    String.raw`invoke`,
    String.raw`setAccessible`,
    String.raw`new\s+Thread`,
    String.raw`Thread\s*\.\s*sleep`,
    String.raw`Executor`,
    String.raw`ForkJoinPool`,
    String.raw`TimerTask`,
    String.raw`while\s*\(\s*true\s*\)`,
    String.raw`for\s*\(\s*;\s*;\s*\)`,
    String.raw`Unsafe`,
    String.raw`System\s*\.\s*load`,
    String.raw`sun\s*\.\s*misc`,
    String.raw`\\u[0-9a-fA-F]{4}`,
  ],
  python: [
    String.raw`import\s+(os|subprocess|socket|shutil|ctypes|multiprocessing|threading|signal)`,
    String.raw`from\s+(os|subprocess|socket|shutil|ctypes|multiprocessing|threading|signal)\b`,
    String.raw`__import__`,
    String.raw`\bopen\s*\(`,
    String.raw`\beval\s*\(`,
    String.raw`\bexec\s*\(`,
  ],
  javascript: [
    String.raw`require\s*\(`,
    String.raw`\bimport\s*\(`,
    String.raw`\bimport\s+`,
    String.raw`\bprocess\s*\.`,
    String.raw`child_process`,
    String.raw`\beval\s*\(`,
    String.raw`Function\s*\(`,
  ],
};
