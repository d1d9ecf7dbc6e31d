import { describe, expect, it } from 'vitest';
import { javaEntryClass } from '../../src/local-runner/java-entry-class';

describe('javaEntryClass', () => {
  it('finds the public class with main', () => {
    expect(javaEntryClass('public class Hello { public static void main(String[] a) {} }')).toEqual({
      simpleName: 'Hello',
      qualifiedName: 'Hello',
    });
  });

  it('picks the class that declares main, not a nested class declared before it', () => {
    const src = `
      class Util { static int twice(int x) { return 2 * x; } }
      public class Solution {
        static class Helper { void run() {} }
        record Point(int x, int y) {}
        static public void main(String... args) { System.out.println(Util.twice(2)); }
      }`;
    expect(javaEntryClass(src).simpleName).toBe('Solution');
  });

  it('finds main in a nested class', () => {
    const src = 'public class Outer { static class Inner { public static void main(String[] a) {} } }';
    expect(javaEntryClass(src).simpleName).toBe('Inner');
  });

  it('ignores declarations inside comments and strings', () => {
    const src = `
      // class Fake { public static void main(String[] a) {} }
      /* public class Nope { public static void main */
      public class Real {
        static String s = "class Str { public static void main(";
        static char c = '{';
        public static void main(String[] a) { System.out.println(s + c); }
      }`;
    expect(javaEntryClass(src).simpleName).toBe('Real');
  });

  it('qualifies the name with the package', () => {
    expect(javaEntryClass('package a.b;\npublic class Main { public static void main(String[] x) {} }')).toEqual({
      simpleName: 'Main',
      qualifiedName: 'a.b.Main',
    });
  });

  it('accepts non-ASCII identifiers', () => {
    expect(javaEntryClass('public class 안녕 { public static void main(String[] a) {} }').simpleName).toBe('안녕');
  });

  it('falls back to the public class, then Main', () => {
    expect(javaEntryClass('public class NoMain { }').simpleName).toBe('NoMain');
    expect(javaEntryClass('int x;').simpleName).toBe('Main');
  });
});
