import { describe, expect, it } from 'vitest';
import { compileBlacklist, findBlacklistHit } from '../../src/compile-shared/blacklist';
import { DEFAULT_BLACKLISTS } from '../../src/compile-shared/default-blacklists';

describe('DEFAULT_BLACKLISTS', () => {
  it('has the 39 Java patterns of the contract, all valid expressions', () => {
    expect(DEFAULT_BLACKLISTS.java).toHaveLength(39);
    expect(DEFAULT_BLACKLISTS.java[0]).toBe('System\\s*\\.\\s*exit');
    expect(DEFAULT_BLACKLISTS.java[38]).toBe('\\\\u[0-9a-fA-F]{4}');
    expect(new Set(DEFAULT_BLACKLISTS.java).size).toBe(39);
    for (const list of Object.values(DEFAULT_BLACKLISTS)) expect(() => compileBlacklist(list)).not.toThrow();
  });

  it.each([
    ['java', 'System . exit(0);', 'System . exit'],
    ['java', 'String s = "\\u0041";', '\\u0041'],
    ['java', 'int invoker = 1;', 'invoke'],
    ['java', 'for ( ; ; ) {}', 'for ( ; ; )'],
    ['python', 'import subprocess', 'import subprocess'],
    ['python', 'from os import path', 'from os'],
    ['python', 'f = open("x")', 'open('],
    ['javascript', 'const fs = require("fs")', 'require('],
    ['javascript', 'process.exit(1)', 'process.'],
    ['javascript', 'new Function("return 1")', 'Function('],
  ] as const)('%s: finds a hit in %j', (language, code, hit) => {
    expect(findBlacklistHit(code, compileBlacklist(DEFAULT_BLACKLISTS[language]))).toBe(hit);
  });

  it.each([
    ['java', 'public class Main { public static void main(String[] a) { System.out.println("hi"); } }'],
    ['java', 'system.exit()'], // matching is case-sensitive
    ['python', 'print(sum(range(10)))\nreopen = 1'],
    ['javascript', 'const processed = [1, 2].map((x) => x * 2); console.log(processed)'],
  ] as const)('%s: lets %j through', (language, code) => {
    expect(findBlacklistHit(code, compileBlacklist(DEFAULT_BLACKLISTS[language]))).toBeUndefined();
  });
});
